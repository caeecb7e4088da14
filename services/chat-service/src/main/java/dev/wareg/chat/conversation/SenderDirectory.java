package dev.wareg.chat.conversation;

import java.util.Optional;
import java.util.UUID;

/**
 * The links from sender ids that are no phone (Meta's business-scoped user id, a WhatsApp Web LID) to the accounts
 * whose phone their senders proved, kept by the system of record with the account, so that they outlive the
 * conversation and go with the account when it is erased.
 */
public interface SenderDirectory {

    /**
     * @return the account this sender is linked to on this channel, or empty
     * @throws AccountDirectory.AccountDirectoryUnavailable when the system of record cannot answer now
     */
    Optional<AccountSnapshot> findBySender(String channel, String sender);

    /**
     * Links the sender to the account (moving it from another); idempotent.
     *
     * @return false when the account is gone (erased meanwhile)
     * @throws AccountDirectory.AccountDirectoryUnavailable when the system of record cannot answer now
     */
    boolean link(UUID accountId, String channel, String sender);
}
