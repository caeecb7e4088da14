package dev.wareg.worker.updates;

import dev.wareg.contracts.RegistrationUpdateRejected.ReasonCode;
import java.util.UUID;

/** What account-api said to one create or update. */
sealed interface AccountWrite {

    record Applied(UUID accountId, long version) implements AccountWrite {
    }

    /** Will not succeed by trying again. */
    record Refused(ReasonCode reasonCode, String reason) implements AccountWrite {
    }

    /** Might succeed later: timeouts, 5xx, 429, refused connections. */
    record Failed(String reason) implements AccountWrite {
    }
}
