package dev.wareg.account.accounts;

import dev.wareg.fields.Field;
import dev.wareg.fields.Validation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks and normalises the values of an account, for creation and for patches alike. Registration fields go
 * through the shared {@code fields} validators, so the API stores exactly what the chat would; the other values
 * only have length limits until their own validators exist.
 * <p>
 * Each method returns the value to store, or null after recording a {@link Violation}.
 */
final class AccountValues {

    static final int CPF_MAX_LENGTH = 14;

    /** English messages for the reasons the {@code fields} validators give, by {@code <field>.<reason>}. */
    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("phone.empty", "Enter the phone number, with its area code."),
            Map.entry("phone.format", "This is not a phone number: use digits, with the area code and, for numbers"
                    + " outside Brazil, the country code starting with +."),
            Map.entry("phone.invalid", "No phone number has this form: check the area code and the number of digits."),
            Map.entry("name.empty", "Enter the name."),
            Map.entry("name.too-long", "The name is too long: at most 120 characters."),
            Map.entry("name.too-short", "The name needs at least two letters."),
            Map.entry("name.characters",
                    "The name may only contain letters, spaces, apostrophes, hyphens and abbreviation dots."),
            Map.entry("email.empty", "Enter the e-mail address."),
            Map.entry("email.too-long", "The e-mail address is too long: at most 254 characters."),
            Map.entry("email.format", "This is not an e-mail address: it should look like name@provider.com."));

    private AccountValues() {
    }

    /** A registration field, normalised by its validator. */
    static String registrationField(Field field, String raw, Violations violations) {
        return switch (field.validate(raw)) {
            case Validation.Valid valid -> valid.value();
            case Validation.Invalid invalid -> {
                violations.add(field.apiProperty(), invalid.reason(), message(field, invalid));
                yield null;
            }
        };
    }

    /** Free text with a length limit; blank means absent. */
    static String optionalText(String property, String raw, int maxLength, Violations violations) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        if (value.length() > maxLength) {
            violations.add(property, "too-long", "At most " + maxLength + " characters.");
            return null;
        }
        return value;
    }

    /** An ISO 8601 calendar date ({@code yyyy-MM-dd}); blank means absent. */
    static LocalDate birthDate(String raw, Violations violations) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            violations.add("birthDate", "format", "Write the date as year-month-day, for example 2000-01-31.");
            return null;
        }
    }

    /** Each part of an address within its length; null if no part has a value. */
    static Address address(Map<String, String> rawParts, Violations violations) {
        var parts = new LinkedHashMap<String, String>();
        rawParts.forEach((part, raw) -> parts.put(part,
                optionalText("address." + part, raw, Address.MAX_LENGTHS.get(part), violations)));
        return Address.ofParts(parts);
    }

    private static String message(Field field, Validation.Invalid invalid) {
        if (invalid.reason().equals("typo")) {
            return invalid.suggestionIfAny()
                    .map(suggestion -> "The domain looks misspelt: did you mean " + suggestion + "?")
                    .orElse("The domain looks misspelt.");
        }
        return MESSAGES.getOrDefault(field.name() + "." + invalid.reason(), "This value is not valid.");
    }
}
