package dev.wareg.chat.interpretation;

import static dev.wareg.chat.interpretation.Vocabulary.*;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a no means, beyond its keyword. A no followed by what is right ("não, meu nome é Rafaela", "não é yahoo, é
 * outlook: ana@outlook.com", "no, my surname is Smith"), a value set against the one it replaces ("o cep é 01452-000,
 * não 01452-100", "é RJ e não SP", "Porto Alegre, not Canoas"), or a correction word before the value ("errei, ...",
 * "na verdade ...", "actually it's ...") is a correction, with the new value. A no to changing one field and a yes to
 * another ("não quero mudar o telefone, só o e-mail", "I don't want to change the phone, just the email", "not the
 * phone, I want to change the email") is an update of the other field, not a refusal.
 */
final class Corrections {

    /** What opens a correction, to be set aside to find its value: "não,", "no wait", "errei,", "na verdade". */
    private static final Set<String> STATED = Set.of("ta", "esta", "is", "e", "eh", "s");
    private static final Set<String> RIGHT = Set.of("certo", "certa", "correto", "correta", "right", "correct", "fine");
    private static final Pattern OPENING = Pattern.compile("^(?:(?:n[aã]o|no|nope|n|wait|pera[ií]?|opa|ops|oops|eita|vixe|ixi|typo|my\\s+bad|foi\\s+mal|sorry|errei"
            + "|desculp[ae]|esqueci|vdd|na\\s+vdd|corrig(?:[ea]|indo)(?:\\s+a[ií])?|(?:digitei|escrevi|coloquei|botei|typed|wrote)\\s+(?:errad[oa]|wrong)|na\\s+verdade|na\\s+real|na\\s+vdd|actually|i\\s+mean[t]?|quis\\s+dizer|quer\\s+dizer"
            + "|(?:it|that)\\s+should\\s+be|o\\s+cert[oa]\\s+(?:é|e|eh))[\\s,.!:;-]+)+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** The value replaced, after the new one: ", não 01452-100", " e não SP", " not Canoas", " not 1991". */
    private static final Pattern REPLACED = Pattern.compile(
            "(?:\\s*,\\s*|\\s+)(?:e\\s+)?(?:n[aã]o|not|n(?!\\s+\\d))\\s+[^,;]+$"
                    + "|(?:\\s*,\\s*|\\s+)(?:vc|voc[eê]s?|vcs|you|u)\\s+(?:escreveu|escreveram|colocou|colocaram|botou|wrote|put|typed|had)\\s+[^,;]+$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A value set against another, the message's end: "X, não Y", "X e não Y", "X, not Y". */
    private static final Pattern CONTRAST = Pattern.compile("(?:,\\s*|\\s+(?:e|and)\\s+|\\s+)(?:nao|not|n(?!\\s+\\d))\\s+[^,;.!?]{1,30}[.!?]*$"); // "n 45" is a house number
    /** The field said to be something: "não, meu sobrenome é Lima", "no, my last name is Costa". */
    private static final Pattern SAYS_IS = Pattern.compile("\\b(?:e|eh|es|is|era|was)\\s+(?!(?:nao|not)\\b)\\S");
    /** What is right, said after the no: "não não, é 9 8877 6655 com ddd 21". */
    private static final Pattern IT_IS = Pattern.compile("^(?:é|e|eh|is|it'?s|it\\s+is|o\\s+cert[oa]\\s+(?:é|e|eh))\\s+(?!(?:isso|isto|this|that|esse|essa|n[aã]o|not)\\b)\\S",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** The value replaced first, then the right one: "não é A, é B", "it's not A, it's B" (folded, no apostrophe). */
    private static final Pattern NOT_A_BUT_B = Pattern.compile("^(?:its\\s+|thats\\s+)?(?:nao|not|isnt|n)\\s+"
            + "(?:e\\s+|eh\\s+|is\\s+)?[^,;]{1,60}[,;]\\s*(?:e|eh|is|its|o\\s+cert[oa]\\s+(?:e|eh)|sim)\\s+\\S");

    /** The right one, then the one replaced, then the value: "it's gmail, not hotmail: sue@gmail.com". */
    private static final Pattern A_NOT_B = Pattern.compile("^(?:its\\s+|e\\s+|eh\\s+)?[\\w.]+\\s*,?\\s+(?:not|nao|e\\s+nao)\\s+[\\w.]+\\s*[:,;-]");
    /** What is right, said after the rest: "informei a cidade errada. O correto é Niterói". */
    private static final Pattern RIGHT_ONE = Pattern.compile("(?:^|[.!,;]\\s*)(?:o|a)\\s+(?:cert[oa]|corret[oa])\\s+(?:é|e|eh)\\s+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    /**
     * How chat marks a correction: a star before the right value ("*Renata", not "*bold*"), an arrow to it ("email ->
     * ...").
     */
    private static final Pattern MARKED = Pattern.compile("^\\s*\\*(?![^*]*\\*)\\s*[\\p{L}\\p{N}]|(?:->|→|=>)\\s*\\S");
    private static final Set<String> NEGATIONS = Set.of("nao", "not", "n");
    private static final Set<String> WAIT = Set.of("wait", "pera", "perai", "opa", "ops", "oops", "ixi", "vixe", "sorry");
    private static final Set<String> BUT = Lexicon.STANDARD.words("contrast-but");

    private Corrections() {
    }

    /**
     * The reading the rules gave, reconsidered for corrections and refusals of one field for another; the values
     * get the corrected value of the field asked when the message gives it after its opening words.
     */
    static Reading reconsider(Reading reading, String text, Words words, Set<String> targets,
            Map<String, String> values, String askedField) {
        Intent intent = reading == null ? null : reading.intent();
        if (intent == Intent.DENY && !values.isEmpty() && words.anyOf(BUT)) {
            return null; // "não tenho email, mas meu whats é ...": the no is about something else than the value
        }
        boolean refusal = intent == Intent.DENY || intent == Intent.CORRECT && !targets.isEmpty();
        Set<String> instead = refusal ? refusedForAnother(words) : Set.of();
        if (instead.isEmpty() && (refusal || intent == null && values.isEmpty())) {
            instead = rightButAnother(words); // "o telefone ta certo, queria so mexer no endereço"
        }
        if (!instead.isEmpty()) {
            targets.clear();
            targets.addAll(instead);
            return new Reading(Intent.UPDATE, 0.85);
        }
        if ((intent == null || intent == Intent.PROVIDE_VALUE) && !values.isEmpty() && MARKED.matcher(text).find()) {
            return new Reading(Intent.CORRECT, 0.85); // "*joao.silva@gmail.com", "email -> bruna.k@gmail.com"
        }
        boolean opensWithNo = words.size() > 1 && (DENY.contains(words.raw().getFirst())
                || DENY_FIRST.contains(words.canonical().getFirst())
                || WAIT.contains(words.raw().getFirst()) && (DENY.contains(words.raw().get(1))
                || !values.isEmpty() && DENY_FIRST.contains(words.raw().get(1)))); // "wait no, my birthday is ..."
        String folded = Normaliser.fold(text).strip();
        boolean contrast = (!values.isEmpty() || askedField != null) && words.anyOf(NEGATIONS)
                && (CONTRAST.matcher(folded).find() || !values.isEmpty() && (NOT_A_BUT_B.matcher(folded).find()
                || A_NOT_B.matcher(folded).find()));
        boolean corrects = intent == Intent.CORRECT
                || intent == Intent.DENY && opensWithNo && words.size() > 2
                && (askedField == null || values.isEmpty() || values.containsKey(askedField))
                || contrast && (intent == null || intent == Intent.DENY || intent == Intent.PROVIDE_VALUE);
        if (intent == Intent.DENY && opensWithNo && (!values.isEmpty() && !values.containsKey(askedField)
                || values.isEmpty() && askedField == null && !targets.isEmpty() && SAYS_IS.matcher(folded).find())) {
            return new Reading(Intent.CORRECT, 0.8); // "n n n o bairro é Tijuca" asked the city
        }
        if (intent == null && opensWithNo && !values.isEmpty() && !values.containsKey(askedField)
                && SAYS_IS.matcher(folded).find()) {
            return new Reading(Intent.CORRECT, 0.8); // "nao o nome dela é Maria do Socorro Pantoja, com P": too long for a no
        }
        if (!corrects) {
            return reading;
        }
        if (askedField != null && values.isEmpty()) {
            // "errei o número, é 251" while the complement is asked: the number's, the one named
            String field = targets.size() == 1 && !targets.contains("address") ? targets.iterator().next() : askedField;
            String corrected = correctedAnswer(text, CanonicalValues.STRUCTURED.contains(field), intent == Intent.CORRECT);
            if (field.equals("name")) {
                corrected = NameSpotter.withoutSpelling(corrected).strip(); // "it should be Matteo Rossi, with two t's"
            }
            if (!corrected.isEmpty() && AnswerRules.validFor(field, corrected)) {
                values.put(field, corrected);
            } else {
                selfNamed(corrected, values); // "nao nao, é PB e nao PE" while the CEP is asked
            }
        } else if (intent == Intent.CORRECT && values.isEmpty()) {
            selfNamed(correctedAnswer(text, true, true), values); // "digitei errado, é juazeiro do norte e nao crato"
        }
        if (intent == Intent.CORRECT) {
            return reading;
        }
        if (values.isEmpty() && opensWithNo
                && IT_IS.matcher(OPENING.matcher(Courtesy.withoutCourtesy(text).strip()).replaceFirst("")).find()) {
            if (askedField == null) {
                selfNamed(correctedAnswer(text, true, true), values); // "nao, é Rezende com z. José Carlos Rezende"
            }
            return new Reading(Intent.CORRECT, 0.8); // what is right follows, in a form the field may still take
        }
        return values.isEmpty() ? reading : new Reading(Intent.CORRECT, 0.85);
    }

    /** A corrected value that names itself: a listed city, or a state's two-letter code. */
    private static void place(String corrected, Map<String, String> values) {
        if (PlaceNames.known(corrected)) {
            values.put("city", corrected);
        } else if (corrected.length() == 2 && AnswerRules.validFor("state", corrected)) {
            values.put("state", corrected);
        }
    }

    /** A corrected value, no field named: a place that is one, else a person's full name that looks like one. */
    private static void selfNamed(String corrected, Map<String, String> values) {
        place(corrected, values);
        String name = NameSpotter.withoutSpelling(corrected).strip().replaceAll("[.!]+$", "");
        if (values.isEmpty() && AnswerRules.plainName(name)) {
            values.put("name", name);
        }
    }

    /**
     * "errei, é RJ e não SP" -> "RJ": without its opening words, its lead-ins and the value it replaces. Free text
     * takes almost anything, so for a free-text field only an answer that says what it is ("é ...", "the state is
     * ...") counts: "não quero informar meu nome" is no name.
     */
    static String correctedAnswer(String text, boolean validated, boolean saysItCorrects) {
        String whole = Courtesy.withoutCourtesy(text).strip();
        Matcher rightOne = RIGHT_ONE.matcher(whole);
        String rest = rightOne.find() ? whole.substring(rightOne.end()) : OPENING.matcher(whole).replaceFirst("");
        boolean opened = rest.length() < whole.length();
        Matcher replaced = REPLACED.matcher(rest);
        boolean contrasted = replaced.find() && replaced.start() > 0;
        if (contrasted) {
            rest = rest.substring(0, replaced.start());
        }
        if (rest.isBlank()) {
            return "";
        }
        String answer = Courtesy.answer(rest);
        boolean introduced = opened && saysItCorrects || contrasted || !answer.equals(rest.strip());
        return validated || introduced && hasWordOfItsOwn(answer) && LETTER.matcher(answer).find() ? answer : "";
    }

    /** A word that is no keyword: "Tijuca", "MG"; "isso" is no value. */
    private static boolean hasWordOfItsOwn(String answer) {
        for (String word : Normaliser.tokens(Normaliser.fold(answer))) {
            if (!KEYWORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The fields named after the turn of a refusal ("só", "just", a verb of change after a field was refused), when
     * the message first refuses another field; empty when it does not.
     */
    private static Set<String> refusedForAnother(Words words) {
        int negation = words.indexOf(DENY, false);
        if (negation < 0 && !words.raw().isEmpty() && DENY_FIRST.contains(words.canonical().getFirst())) {
            negation = 0;
        }
        if (negation < 0) {
            return Set.of();
        }
        int refused = -1;
        int turn = -1;
        for (int i = negation + 1; i < words.size(); i++) {
            String word = words.canonical().get(i);
            if (refused < 0 && field(word) != null) {
                refused = i;
            } else if (refused >= 0 && (UPDATE_ONLY.contains(word) || UPDATE.contains(word)
                    || word.equals("e") && i + 1 < words.size() && field(words.canonical().get(i + 1)) == null)) {
                turn = i;
            }
        }
        Set<String> fields = new HashSet<>();
        if (turn < 0) {
            return fields;
        }
        String refusedField = field(words.canonical().get(refused));
        for (int i = turn + 1; i < words.size(); i++) {
            String field = field(words.canonical().get(i));
            if (field != null && !field.equals(refusedField)) {
                fields.add(field);
            }
        }
        return fields;
    }

    /** "o email ta certo, eh o nome q ta errado": the fields named after one said to be right, when they differ. */
    private static Set<String> rightButAnother(Words words) {
        List<String> canonical = words.canonical();
        for (int i = 1; i + 1 < canonical.size(); i++) {
            if (!STATED.contains(canonical.get(i)) || !RIGHT.contains(canonical.get(i + 1))) {
                continue;
            }
            String right = null;
            for (int j = i - 1; j >= 0 && right == null; j--) {
                right = field(canonical.get(j));
            }
            Set<String> fields = new HashSet<>();
            for (int j = i + 2; right != null && j < canonical.size(); j++) {
                String field = field(canonical.get(j));
                if (field != null && !field.equals(right)) {
                    fields.add(field);
                }
            }
            return fields;
        }
        return Set.of();
    }

    private static String field(String word) {
        for (var entry : FIELD_WORDS.entrySet()) {
            if (entry.getValue().contains(word)) {
                return entry.getKey();
            }
        }
        return null;
    }
}
