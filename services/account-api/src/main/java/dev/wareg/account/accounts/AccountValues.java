package dev.wareg.account.accounts;

import dev.wareg.fields.Field;
import dev.wareg.fields.RegistrationFields;
import dev.wareg.fields.Validation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks and normalises the values of an account, for creation and for patches alike, with the shared
 * {@code fields} validators, so the API stores exactly what the chat would.
 * <p>
 * Each method returns the value to store, or null after recording a {@link Violation}.
 */
final class AccountValues {

    private static final Logger log = LoggerFactory.getLogger(AccountValues.class);

    /** The parts of an address by their JSON names, in the order they are shown. */
    static final Map<String, Field> ADDRESS_PARTS = addressParts();

    /** English messages by {@code <field>.<reason>}, where one reads better than the message for the reason. */
    private static final Map<String, String> FIELD_MESSAGES = Map.ofEntries(
            Map.entry("phone.empty", "Enter the phone number, with its area code."),
            Map.entry("phone.format", "This is not a phone number: use digits, with the area code and, for numbers"
                    + " outside Brazil, the country code starting with +."),
            Map.entry("phone.invalid", "No phone number has this form: check the area code and the number of digits."),
            Map.entry("phone.landline", "This is a landline; an account's phone must be a mobile number (WhatsApp)."),
            Map.entry("name.too-long", "The name is too long: at most 120 characters."),
            Map.entry("name.too-short", "The name needs at least two letters."),
            Map.entry("name.characters",
                    "The name may only contain letters, spaces, apostrophes, hyphens and abbreviation dots."),
            Map.entry("email.too-long", "The e-mail address is too long: at most 254 characters."),
            Map.entry("email.format", "This is not an e-mail address: it should look like name@provider.com."),
            Map.entry("cpf.format", "A CPF has 11 digits, for example 123.456.789-09."),
            Map.entry("cpf.check-digits", "This is not a valid CPF: its check digits do not match."),
            Map.entry("cpf.repeated-digits", "This is not a valid CPF: all its digits are the same."),
            Map.entry("birthDate.format", "Write the date as day/month/year (31/01/2000) or year-month-day (2000-01-31)."),
            Map.entry("birthDate.impossible", "This date does not exist: check the day and the month."),
            Map.entry("birthDate.future", "A birth date cannot be in the future."),
            Map.entry("birthDate.implausible", "This birth date would make the person older than 130 years."),
            Map.entry("postalCode.format", "A CEP has 8 digits, for example 01310-100."),
            Map.entry("state.unknown", "Not a Brazilian state: use its two-letter code (SP, RJ, ...) or its name."));

    /** English messages by reason, for every field. */
    private static final Map<String, String> REASON_MESSAGES = Map.of(
            "empty", "Enter a value.",
            "too-long", "This value is too long.",
            "format", "This value is not in a valid format.");

    private AccountValues() {
    }

    /** A required value, normalised by its field's validator. */
    static String required(Field field, String raw, Violations violations) {
        return switch (field.validate(raw)) {
            case Validation.Valid valid -> valid.value();
            case Validation.Invalid invalid -> {
                // The field and the reason, nothing of the value: masks are written for normalised values, and a
                // refused one may be anything (a CPF sent as the state, which is shown unmasked).
                log.debug("Refused {} ({})", field.apiProperty(), invalid.reason());
                violations.add(field.apiProperty(), invalid.reason(), message(field, invalid));
                yield null;
            }
        };
    }

    /** An optional value: blank means absent, anything else must pass its field's validator. */
    static String optional(Field field, String raw, Violations violations) {
        return raw == null || raw.isBlank() ? null : required(field, raw, violations);
    }

    /** Each part of an address validated; null if no part has a value. */
    static Address address(Map<String, String> rawParts, Violations violations) {
        var parts = new LinkedHashMap<String, String>();
        rawParts.forEach((part, raw) -> parts.put(part, optional(ADDRESS_PARTS.get(part), raw, violations)));
        return Address.ofParts(parts);
    }

    private static String message(Field field, Validation.Invalid invalid) {
        if (invalid.reason().equals("typo")) {
            return invalid.suggestionIfAny()
                    .map(suggestion -> "The domain looks misspelt: did you mean " + suggestion + "?")
                    .orElse("The domain looks misspelt.");
        }
        String message = FIELD_MESSAGES.get(field.name() + "." + invalid.reason());
        return message != null ? message : REASON_MESSAGES.getOrDefault(invalid.reason(), "This value is not valid.");
    }

    private static Map<String, Field> addressParts() {
        var parts = new LinkedHashMap<String, Field>();
        parts.put("postalCode", RegistrationFields.POSTAL_CODE);
        parts.put("street", RegistrationFields.STREET);
        parts.put("number", RegistrationFields.NUMBER);
        parts.put("complement", RegistrationFields.COMPLEMENT);
        parts.put("district", RegistrationFields.DISTRICT);
        parts.put("city", RegistrationFields.CITY);
        parts.put("state", RegistrationFields.STATE);
        return Collections.unmodifiableMap(parts);
    }
}
