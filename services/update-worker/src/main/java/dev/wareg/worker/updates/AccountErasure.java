package dev.wareg.worker.updates;

import dev.wareg.contracts.RegistrationUpdateRejected.ReasonCode;

/** What account-api said to one erasure. */
sealed interface AccountErasure {

    /**
     * The account is erased by this request: now, or by an earlier attempt whose answer was lost. account-api
     * announces it ({@code AccountErased}); nothing is left for the worker to publish.
     */
    record Erased() implements AccountErasure {
    }

    /** Will not succeed by trying again. */
    record Refused(ReasonCode reasonCode, String reason) implements AccountErasure {
    }

    /** Might succeed later: timeouts, 5xx, 429, refused connections, a token not taken during a key rotation. */
    record Failed(String reason) implements AccountErasure {
    }
}
