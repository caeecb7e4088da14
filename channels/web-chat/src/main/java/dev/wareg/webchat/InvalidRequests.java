package dev.wareg.webchat;

import dev.wareg.fields.RegistrationFields;
import dev.wareg.fields.Validation;
import dev.wareg.platform.defaults.Problems;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The 400 answers of the web chat's API, shaped like those of bean validation failures. Phones are accepted in any
 * format the registration's phone validator accepts and normalised to E.164, as WhatsApp would give them.
 */
final class InvalidRequests {

    private static final String PHONE_EXAMPLE = "+55 11 98765-4321";

    private InvalidRequests() {
    }

    /** One entry of a problem's {@code errors}. */
    record InvalidValue(String field, String code, String message) {
    }

    // The number itself stays out of the answer and the logs: it is personal data and the caller knows it anyway.
    static Optional<String> phone(String field, String raw, List<InvalidValue> invalid) {
        return switch (RegistrationFields.PHONE.validate(raw)) {
            case Validation.Valid valid -> Optional.of(valid.value());
            case Validation.Invalid refused -> {
                invalid.add(new InvalidValue(field, refused.reason(), explainPhone(field, refused.reason())));
                yield Optional.empty();
            }
        };
    }

    static ResponseEntity<ProblemDetail> response(List<InvalidValue> invalid) {
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                invalid.stream().map(InvalidValue::message).collect(Collectors.joining(" ")));
        problem.setProperty("errors", List.copyOf(invalid));
        return ResponseEntity.badRequest().body(problem);
    }

    private static String explainPhone(String field, String reason) {
        return switch (reason) {
            case "empty" -> "Give the phone number to chat as in `" + field + "`, with area code, such as "
                    + PHONE_EXAMPLE + ".";
            case "invalid" -> "`" + field + "` cannot be a phone number: check the area code and the number of "
                    + "digits, such as " + PHONE_EXAMPLE + ".";
            default -> "`" + field + "` is not a phone number: write it with area code, such as " + PHONE_EXAMPLE
                    + ".";
        };
    }
}
