package dev.wareg.fields;

import java.util.Objects;
import java.util.Optional;

/** The outcome of validating one raw value: the normalised value, or why it was refused. */
public sealed interface Validation {

    static Validation valid(String value) {
        return new Valid(value);
    }

    static Validation invalid(String reason) {
        return new Invalid(reason, null);
    }

    static Validation invalid(String reason, String suggestion) {
        return new Invalid(reason, suggestion);
    }

    /** @param value normalised: the form to store, compare and show */
    record Valid(String value) implements Validation {

        public Valid {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * @param reason     a stable code ({@code format}, {@code too-long}, {@code typo}); with the field's name it
     *                   picks the message shown to the person
     * @param suggestion a corrected value to offer, or null
     */
    record Invalid(String reason, String suggestion) implements Validation {

        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }

        public Optional<String> suggestionIfAny() {
            return Optional.ofNullable(suggestion);
        }
    }
}
