package dev.wareg.chat.interpretation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The phrase notation of the lexicon files, turned into regular expressions: words separated by spaces,
 * {@code {a|b}} for "a or b", {@code {a|}} for an optional "a" (with the space after it), an apostrophe for an
 * optional one. "o que {eu|} faco" matches "o que faco" and "o que eu faco".
 */
final class Phrases {

    private Phrases() {
    }

    static String regex(String phrase) {
        StringBuilder out = new StringBuilder();
        List<String> tokens = split(phrase.strip(), ' ');
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            boolean last = i == tokens.size() - 1;
            if (token.startsWith("{") && token.endsWith("}")) {
                List<String> alternatives = split(token.substring(1, token.length() - 1), '|');
                boolean optional = alternatives.remove("");
                List<String> regexes = new ArrayList<>();
                for (String alternative : alternatives) {
                    regexes.add(regex(alternative));
                }
                String group = "(?:" + String.join("|", regexes) + ")";
                if (optional) {
                    out.append(last ? "(?: " + group + ")?" : "(?:" + group + " )?");
                    continue;
                }
                out.append(group);
            } else {
                out.append(word(token));
            }
            boolean nextBringsItsSpace = i + 1 == tokens.size() - 1 && optional(tokens.get(i + 1));
            if (!last && !nextBringsItsSpace) {
                out.append(' ');
            }
        }
        return out.toString();
    }

    /**
     * The parts of a phrase that every match has, each as its alternatives: "o que {eu|} {faco|digito}" ->
     * [o], [que], [faco, digito]. Words inside an alternative are kept together ("o que").
     */
    static List<List<String>> requiredParts(String phrase) {
        List<List<String>> parts = new ArrayList<>();
        for (String token : split(phrase.strip(), ' ')) {
            if (token.startsWith("{") && token.endsWith("}")) {
                List<String> alternatives = split(token.substring(1, token.length() - 1), '|');
                if (!alternatives.contains("")) {
                    parts.add(alternatives);
                }
            } else if (token.chars().anyMatch(Character::isLetterOrDigit)) {
                parts.add(List.of(token.replace("'", "")));
            }
        }
        return parts;
    }

    private static boolean optional(String token) {
        return token.startsWith("{") && token.endsWith("}") && split(token.substring(1, token.length() - 1), '|')
                .contains("");
    }

    private static String word(String token) {
        StringBuilder out = new StringBuilder();
        for (char c : token.toCharArray()) {
            if (c == '\'') {
                out.append("'?");
            } else if (Character.isLetterOrDigit(c)) {
                out.append(c);
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return out.toString();
    }

    /** Split at a separator outside braces. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        if (separator == ' ') {
            parts.removeIf(String::isEmpty);
        }
        return parts;
    }
}
