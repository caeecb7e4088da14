package dev.wareg.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What personal data looks like in text, to search logs, metrics and spans for it: phone numbers (E.164, also
 * URL-encoded as in {@code ?phone=%2B55...}, Brazilian national forms, WhatsApp ids), e-mail addresses, CPFs and
 * CEPs, plus the exact values a test typed. The masks of
 * the field schema ({@code m***@example.com}, {@code +55*******4321}, {@code ***.982.247-**}, {@code 01310-***},
 * {@code 1990-**-**}) are written not to match; nor are UUIDs, timestamps, ports or {@code amqp://user@host} URLs.
 */
public final class PersonalData {

    private static final Map<String, Pattern> PATTERNS = Map.of(
            "a phone number in E.164", Pattern.compile("(\\+|%2[Bb])\\d{10,15}(?!\\d)"),
            "a Brazilian phone number", Pattern.compile("(?<![\\w.:-])(\\(?\\d{2}\\)?[ -]?)?9?\\d{4}-\\d{4}(?![\\w-])"),
            "a WhatsApp id (phone digits)", Pattern.compile("(?<![\\w.:+-])55\\d{10,11}(?![\\w-])"),
            "an e-mail address",
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}(?![\\w-])"),
            "a CPF", Pattern.compile("(?<![\\w.:+-])\\d{3}\\.?\\d{3}\\.?\\d{3}-?\\d{2}(?![\\w-])"),
            "a CEP", Pattern.compile("(?<![\\w.:+-])\\d{5}-\\d{3}(?![\\w-])"));

    private final List<String> values;

    private PersonalData(List<String> values) {
        this.values = values;
    }

    /** Looks for the patterns only. */
    public static PersonalData patterns() {
        return new PersonalData(List.of());
    }

    /** Looks for the patterns and for each of {@code values} (ignoring case), e.g. the names a test typed. */
    public static PersonalData patternsAnd(java.util.Collection<String> values) {
        return new PersonalData(values.stream().filter(value -> !value.isBlank())
                .map(value -> value.toLowerCase(Locale.ROOT)).distinct().toList());
    }

    /** Each finding in {@code text}, as "what: found", empty when there is none. */
    public List<String> findIn(String text) {
        List<String> found = new ArrayList<>();
        PATTERNS.forEach((what, pattern) -> {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                found.add(what + ": " + matcher.group());
            }
        });
        String lower = text.toLowerCase(Locale.ROOT);
        for (String value : values) {
            if (lower.contains(value)) {
                found.add("a value typed in a conversation: " + value);
            }
        }
        return found;
    }
}
