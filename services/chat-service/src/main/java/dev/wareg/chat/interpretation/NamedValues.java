package dev.wareg.chat.interpretation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The new value said after the one field a change names: "errei o numero, é 1050", "o numero do predio mudou, agora
 * é 1010", "ops errei meu nome, o certo é Henrique Souza", "my surname is wrong, it should be Ana Lima". No spotter
 * finds these, as nothing in the value itself says what it is; the field named before it does. Taken only when the
 * message names one field, no spotter placed a value in it, and the field takes what follows.
 */
final class NamedValues {

    /** A word that sets the value: "o certo é", "agora é", "deveria ser", "para", "should be", "is now", "é". */
    private static final Pattern SETS = Pattern.compile("(?:^|[\\s,;:.!-])(?:o\\s+cert[oa]\\s+(?:é|e|eh|seria)"
            + "|(?:agora|na\\s+verdade|mas)\\s+(?:é|e|eh)|agora\\s+(?:t[oô]|estou|moro)\\s+n[oa]s?|deveria\\s+ser|seria|é|eh|para|pra|pro|coloca|coloque|bota|bote|p[oõ]e|ponha"
            + "|(?:it'?s|it\\s+is)(?:\\s+now)?|(?:it\\s+)?should\\s+be|is\\s+now|is|to)\\s+(?=\\S)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** What the value is not, after it: "o certo é 1578 e não 1758", "it's 42, not 24". */
    private static final Pattern NOT_THAT = Pattern.compile("\\s*,?\\s*(?:e\\s+|and\\s+)?(?:n[ãa]o|not)\\s+\\S.*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    /** An article before the value: "é o 1050", "the 42". */
    private static final Pattern ARTICLE = Pattern.compile("^(?:o|a|the)\\s+", Pattern.CASE_INSENSITIVE);
    /** What separates values written in one message: commas, semicolons, slashes, dashes, "e", "and". */
    private static final Pattern SEPARATORS = Pattern.compile("(?:\\s*[,;/|-]\\s*|\\s+(?:e|and)\\s+)+$|^(?:\\s*[,;/|-]\\s*|\\s*(?:e|and)\\s+)+|\\s*[,;/|]\\s*",
            Pattern.CASE_INSENSITIVE);
    /** A field's own word, then an unaccented "e" and the value: "a cidade e jaboatao", "o numero da casa e 28". */
    private static final Map<String, List<Pattern>> FIELD_IS = Vocabulary.FIELD_WORDS.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, field -> field.getValue().stream()
                    .map(word -> Pattern.compile("\\b" + Pattern.quote(word) + "(?:\\s+d[aoe]\\s+\\p{L}+)?\\s+e\\s+(?=\\S)"))
                    .toList()));
    /** Changes, and a no followed by what is right ("não, esqueci o sobrenome do meio, é …"). */
    private static final Set<Intent> CHANGES = Set.of(Intent.CORRECT, Intent.UPDATE, Intent.DENY);
    /** A name said this way has two words at least: "mudar meu nome pq é feio" gives none. */
    private static final int NAME_WORDS = 2;
    private static final int FREE_TEXT_WORDS = 6;

    private NamedValues() {
    }

    /**
     * Puts the value said after the one field the message names into {@code values}, when there is one.
     *
     * @return the reading, a correction where a no gave what is right
     */
    static Reading take(Reading reading, String text, Set<String> targets, Map<String, String> values) {
        // With a value spotted already, what follows the lead-in is that value ("muda meu número para (22) 4068-5246").
        if (targets.size() != 1 || !values.isEmpty()) {
            return reading;
        }
        String field = targets.iterator().next();
        if (!Vocabulary.FIELD_WORDS.containsKey(field) || "address".equals(field)) {
            return reading;
        }
        // A change, or a value said plainly ("o número da minha casa é 120") where the value says what it is by its
        // form; a name said plainly is the name spotter's ("meu nome é ...").
        boolean change = reading != null && CHANGES.contains(reading.intent());
        boolean plainly = (reading == null || reading.intent() == Intent.PROVIDE_VALUE) && structured(field);
        if (!change && !plainly) {
            return reading;
        }
        Matcher sets = SETS.matcher(text);
        int after = -1;
        while (sets.find()) {
            after = sets.end();
        }
        if (after < 0) {
            after = afterFieldIs(text, field); // "a cidade e jaboatao", typed without the accent
        }
        if (after < 0) {
            return reading;
        }
        String value = ARTICLE.matcher(NOT_THAT.matcher(Courtesy.answer(text.substring(after))).replaceFirst(""))
                .replaceFirst("").replaceFirst("(?i)\\s+(?:now|agora)[.!]*$", "").strip(); // "it's Sarah Costa now"
        if ("name".equals(field)) {
            value = NameSpotter.withoutSpelling(value).strip();
        }
        if (!value.isEmpty() && plausible(field, value) && AnswerRules.validFor(field, value)) {
            values.put(field, value);
            boolean refused = reading != null && reading.intent() == Intent.DENY;
            return refused ? new Reading(Intent.CORRECT, reading.confidence()) : reading;
        }
        return reading;
    }

    /** Where the value starts after the field's own word and an unaccented "e": "o numero da casa e 28". */
    private static int afterFieldIs(String text, String field) {
        String folded = Normaliser.sameLength(text);
        int after = -1;
        for (Pattern word : FIELD_IS.get(field)) {
            Matcher is = word.matcher(folded);
            if (is.find()) {
                after = Math.max(after, is.end());
            }
        }
        return after;
    }

    /** A field whose validator tells its values from other text: the house number needs a digit. */
    static boolean structured(String field) {
        return CanonicalValues.STRUCTURED.contains(field) || "number".equals(field);
    }

    /**
     * The answer to the field asked, beside values of other fields in one message: "Carla Mendes, carla@x.com" asked
     * the name is the name and the e-mail. What is left once the spotted values are taken out, when the field takes it.
     */
    static void takeRest(String text, String askedField, Map<String, String> values) {
        if (askedField == null || values.isEmpty() || values.containsKey(askedField)) {
            return;
        }
        String rest = text;
        for (String spotted : values.values()) {
            rest = rest.replace(spotted, " ");
        }
        String value = Courtesy.answer(SEPARATORS.matcher(rest).replaceAll(" ").strip());
        if (!value.isEmpty() && plausible(askedField, value) && AnswerRules.validFor(askedField, value)) {
            values.put(askedField, value);
        }
    }

    /** Free text takes almost anything: it must look like the value, no more words than one has, and no keyword. */
    static boolean plausible(String field, String value) {
        if (structured(field)) {
            return true;
        }
        var words = Normaliser.tokens(Normaliser.fold(value));
        if (words.isEmpty() || words.size() > FREE_TEXT_WORDS || words.stream()
                .anyMatch(word -> Vocabulary.SLIP_TARGETS.contains(word) || word.length() > 2 && Vocabulary.KEYWORDS.contains(word))) {
            return false;
        }
        return !"name".equals(field) || words.size() >= NAME_WORDS;
    }
}
