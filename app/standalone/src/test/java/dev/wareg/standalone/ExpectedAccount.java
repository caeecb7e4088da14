package dev.wareg.standalone;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * Compares what a script expects with the account account-api serves, value by value in canonical form, so that
 * a difference the person would not call one ("São Paulo" and "sao paulo", "529.982.247-25" and "52998224725") is
 * none: e-mail case-insensitively, free text trimmed and case- and accent-insensitively, dates as ISO dates, CPF and
 * CEP as their digits.
 */
final class ExpectedAccount {

    private static final DateTimeFormatter AS_TYPED = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** By API property (an address part by its own name); any other property compares as free text. */
    private static final Map<String, UnaryOperator<String>> CANONICAL = Map.of(
            "email", value -> value.strip().toLowerCase(),
            "birthDate", ExpectedAccount::isoDate,
            "cpf", ExpectedAccount::digits,
            "postalCode", ExpectedAccount::digits);

    private ExpectedAccount() {
    }

    /**
     * @param expected the values that must hold, by API property, the address nested; a null value must be absent
     * @param stored   the account as account-api serves it
     * @return one line per value that does not hold, naming the value expected and the value stored
     */
    static List<String> mismatches(Map<String, Object> expected, JsonNode stored) {
        List<String> mismatches = new ArrayList<>();
        compare("", expected, stored, mismatches);
        return mismatches;
    }

    private static void compare(String prefix, Map<String, Object> expected, JsonNode stored, List<String> mismatches) {
        expected.forEach((name, value) -> {
            JsonNode member = stored == null ? null : stored.get(name);
            if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> parts = (Map<String, Object>) nested;
                compare(prefix + name + ".", parts, member == null || member.isNull() ? null : member, mismatches);
                return;
            }
            String want = value == null ? null : value.toString();
            String have = member == null || member.isNull() ? null : member.asString();
            if (!canonical(name, want).equals(canonical(name, have))) {
                mismatches.add(prefix + name + ": expected " + quoted(want) + ", stored " + quoted(have));
            }
        });
    }

    private static String canonical(String name, String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        return CANONICAL.getOrDefault(name, ExpectedAccount::freeText).apply(value);
    }

    private static String freeText(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .strip().replaceAll("\\s+", " ").toLowerCase();
    }

    private static String digits(String value) {
        return value.replaceAll("\\D", "");
    }

    private static String isoDate(String value) {
        String date = value.strip();
        try {
            return LocalDate.parse(date).toString();
        } catch (DateTimeParseException notIso) {
            try {
                return LocalDate.parse(date, AS_TYPED).toString();
            } catch (DateTimeParseException notTyped) {
                return date;
            }
        }
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "\"" + value + "\"";
    }
}
