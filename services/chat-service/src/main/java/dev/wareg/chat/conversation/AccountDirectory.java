package dev.wareg.chat.conversation;

import java.util.Optional;

/** Reads accounts from the system of record. */
public interface AccountDirectory {

    /**
     * @param phone E.164
     * @throws AccountDirectoryUnavailable when the system of record cannot answer now
     */
    Optional<AccountSnapshot> findByPhone(String phone);

    class AccountDirectoryUnavailable extends RuntimeException {

        public AccountDirectoryUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
