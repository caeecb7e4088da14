package dev.wareg.account.accounts;

import dev.wareg.platform.defaults.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The problems (RFC 9457) this resource answers with besides validation. Thrown as
 * {@link ErrorResponseException}, they are rendered by service-defaults' problem responses like every other error.
 * None of them echoes a value from the request, so they never carry PII.
 */
final class AccountProblems {

    private AccountProblems() {
    }

    static ErrorResponseException accountNotFound() {
        return problem(HttpStatus.NOT_FOUND, "account-not-found", "Account not found",
                "No account matches the given id or phone number.");
    }

    /** Deliberately says nothing about the account that has the number. */
    static ErrorResponseException phoneTaken() {
        return problem(HttpStatus.CONFLICT, "phone-taken", "Phone already registered",
                "An account with this phone number already exists.");
    }

    static ErrorResponseException cpfTaken() {
        return problem(HttpStatus.CONFLICT, "cpf-taken", "CPF already registered",
                "Another account already has this CPF.");
    }

    static ErrorResponseException preconditionRequired() {
        return problem(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "If-Match required",
                "Send If-Match with the ETag of the account as last read, for example If-Match: \"3\", so that"
                        + " changes made meanwhile are not overwritten.");
    }

    static ErrorResponseException staleVersion() {
        return problem(HttpStatus.PRECONDITION_FAILED, "stale-version", "Account changed meanwhile",
                "The account has changed since the given ETag was read. Read it again and reapply the change.");
    }

    static ErrorResponseException bodyNotAnObject() {
        return problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
                "The body must be a JSON object with the account's properties.");
    }

    /** Erasure leaves no data to show, only that the account existed. */
    static ErrorResponseException accountErased() {
        return problem(HttpStatus.GONE, "account-erased", "Account erased",
                "This account was erased at the person's request; its data no longer exists.");
    }

    static ErrorResponseException changeNotFound() {
        return problem(HttpStatus.NOT_FOUND, "change-not-found", "Change not found",
                "This account has no change with the given id.");
    }

    static ErrorResponseException changedSince() {
        return problem(HttpStatus.CONFLICT, "changed-since", "Field changed since",
                "The field has changed again since this change; revert the later change first.");
    }

    static ErrorResponseException notRevertible() {
        return problem(HttpStatus.CONFLICT, "not-revertible", "Change cannot be reverted",
                "Reverting this change would remove a required value or undo an erasure.");
    }

    private static ErrorResponseException problem(HttpStatus status, String slug, String title, String detail) {
        return new ErrorResponseException(status, Problems.of(status, slug, title, detail), null);
    }
}
