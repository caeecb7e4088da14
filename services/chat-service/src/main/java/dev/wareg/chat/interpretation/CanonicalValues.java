package dev.wareg.chat.interpretation;

import dev.wareg.fields.Field;
import dev.wareg.fields.RegistrationFields;
import dev.wareg.fields.Validation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last step: each spotted value as it would be stored, by the fields' own validators: an ISO date, an E.164
 * phone (Brazil when no country code is given), the CPF's and the CEP's digits, an e-mail with its domain in lower
 * case (the local part keeps its case: only the receiving host may interpret it, see {@code EmailAddresses}), the
 * state's two-letter code; a city by its nickname or typed without its accents as the place is called ("sampa",
 * "goiania"). Other free text (name, street...) stays as written, trimmed. A value the validator refuses stays
 * as written too, so that the conversation can say what is wrong with it ("31/02/1990" is no date).
 */
public final class CanonicalValues {

    /** Fields whose validator gives the form to store, and tells a value from any other words. */
    static final Set<String> STRUCTURED = Set.of("email", "phone", "cpf", "postalCode", "birthDate", "state");

    private static final Pattern DIGITS = Pattern.compile("\\D");
    private static final Set<String> DOCUMENTS = Set.of("cpf", "postalCode");
    /** What people call a city, by the city's name as it is stored: "sampa" -> "São Paulo". */
    private static final Map<String, String> CITY_NICKNAMES = Lexicon.STANDARD.map("city-nicknames");

    /** Short words for a kind of street, by how they are written without their dot: "av" -> "Avenida". */
    private static final Map<String, String> STREET_TYPES = Lexicon.STANDARD.map("street-types");
    /** A street that opens with a short word for its kind: "Av. Atlântica", "R Augusta". */
    private static final Pattern STREET_TYPE = Pattern.compile("^(\\p{L}{1,6})\\.?\\s+(\\S.*)$",
            Pattern.UNICODE_CASE | Pattern.DOTALL);

    private static final Pattern THOUSANDS = Pattern.compile("\\d{1,2}\\.\\d{3}");

    private CanonicalValues() {
    }

    static Map<String, String> of(Map<String, String> written) {
        Map<String, String> canonical = new LinkedHashMap<>();
        written.forEach((field, value) -> canonical.put(field, canonical(field, value)));
        return canonical;
    }

    /** Where each value is in the text: the value as written, when the text has it so (not when said in words). */
    static Map<String, String> spans(Map<String, String> written, String text) {
        Map<String, String> spans = new LinkedHashMap<>();
        written.forEach((field, value) -> {
            String span = value.strip();
            if (!span.isEmpty() && text.contains(span)) {
                spans.put(field, span);
            }
        });
        return spans;
    }

    /** A value of a field as it would be stored; as written when it is free text or the field refuses it. */
    public static String canonical(String fieldName, String written) {
        String value = written.strip();
        if (fieldName.equals("city")) {
            String nicknamed = CITY_NICKNAMES.get(Normaliser.fold(value)); // "Floripa" is Florianópolis
            return nicknamed != null ? nicknamed : PlaceNames.city(value); // "goiania" is Goiânia
        }
        if (fieldName.equals("number") && THOUSANDS.matcher(value).matches()) {
            return value.replace(".", ""); // "1.250"
        }
        if (fieldName.equals("street")) {
            return withStreetTypeWritten(value); // stored as the CEP's directory writes it: "Avenida Atlântica"
        }
        if (!STRUCTURED.contains(fieldName)) {
            return value;
        }
        if (fieldName.equals("birthDate")) {
            String iso = DateSpotter.iso(value);
            if (iso == null) {
                return value;
            }
            value = iso;
        }
        Optional<Field> field = fieldName.equals("phone") ? Optional.of(RegistrationFields.PHONE)
                : RegistrationFields.byName(fieldName);
        String candidate = value;
        Validation validation = field.map(declared -> declared.validate(candidate)).orElse(null);
        if (!(validation instanceof Validation.Valid) && DOCUMENTS.contains(fieldName)) {
            validation = field.get().validate(DIGITS.matcher(value).replaceAll("")); // "238.625.511.56"
        }
        if (!(validation instanceof Validation.Valid(String normalised))) {
            return value;
        }
        return fieldName.equals("postalCode") ? DIGITS.matcher(normalised).replaceAll("") : normalised;
    }

    private static String withStreetTypeWritten(String street) {
        Matcher type = STREET_TYPE.matcher(street);
        if (!type.matches()) {
            return street;
        }
        String full = STREET_TYPES.get(Normaliser.fold(type.group(1)));
        return full == null ? street : full + " " + type.group(2);
    }
}
