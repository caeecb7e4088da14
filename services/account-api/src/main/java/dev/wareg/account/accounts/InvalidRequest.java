package dev.wareg.account.accounts;

import dev.wareg.platform.defaults.Problems;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A 400 {@code /problems/validation} listing every refused value at once, in the same shape service-defaults
 * gives bean validation errors, so clients handle one format.
 */
class InvalidRequest extends ErrorResponseException {

    private final List<Violation> violations;

    InvalidRequest(List<Violation> violations) {
        super(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                "Some values are missing or invalid."), null);
        this.violations = List.copyOf(violations);
        getBody().setProperty("errors", this.violations);
    }

    List<Violation> violations() {
        return violations;
    }
}
