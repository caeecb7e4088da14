package dev.wareg.chat.interpretation;

import static dev.wareg.chat.interpretation.Vocabulary.*;

import dev.wareg.fields.Field;
import dev.wareg.fields.RegistrationFields;
import dev.wareg.fields.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reading a message no intent rule placed, and weighing an answer against small talk: the answer to the field being
 * asked (surer when that field's validator takes it), a value spotted in the text, a number picked from a menu, or
 * something the bot does not deal with.
 */
final class AnswerRules {

    private static final Pattern OTHER_VALUE_SEPARATOR = Pattern.compile("[,;:\\n]+|\\s+(?:e|and)\\s+");
    private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}\\p{N}]");
    private static final Set<String> SENTENCE_OPENERS = Lexicon.STANDARD.words("sentence-openers");
    /** Fields whose value is a name of some kind, which no sentence opens. */
    private static final Set<String> SENTENCE_ANSWERED = Set.of("name", "street", "district", "city");
    private static final Pattern STATE_WORD = Pattern.compile("(?iu)^estado\\s+d[eo]\\s+|\\s+(?:state|estado)$");
    private static final Set<String> MONTHS = Lexicon.STANDARD.map("months").keySet();
    static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");

    private AnswerRules() {
    }

    /**
     * No keyword: the answer to the field being asked (surer when it is a valid value of that field), a value
     * spotted in the text, a number picked from a menu, or something the bot does not deal with.
     */
    static Reading unplaced(String text, String askedField, Map<String, String> values,
            Optional<Integer> choice, boolean namesAField, Words words) {
        boolean offTopic = words.contains(OFF_TOPIC);
        boolean question = text.indexOf('?') >= 0
                || !words.raw().isEmpty() && QUESTION_OPENERS.contains(words.raw().getFirst());
        // Out of scope for sure when it is about another topic; a question of some other kind is less clear.
        Reading elsewhere = new Reading(Intent.OUT_OF_SCOPE, offTopic ? 0.8 : question ? 0.5 : 0.4);
        if (askedField != null) {
            boolean spotted = values.containsKey(askedField);
            // What the answer says between a greeting and a thanks ("Oi, tudo bem? Tijuca. Obrigada!").
            List<String> core = Normaliser.words(Normaliser.fold(Courtesy.withoutCourtesy(text)));
            if (!spotted && !core.isEmpty() && QUESTION_OPENERS.contains(core.getFirst())) {
                return elsewhere; // "vocês entregam no sábado", "tell me a joke"
            }
            if (!spotted && SENTENCE_ANSWERED.contains(askedField) && core.size() >= 3
                    && SENTENCE_OPENERS.contains(core.getFirst()) && !names(core, askedField)) {
                return elsewhere; // "esqueci a senha do app" asked the street: a sentence about something else
            }
            if (!spotted && !CanonicalValues.STRUCTURED.contains(askedField) && onlyFlowWords(text)) {
                return elsewhere; // "sei lá", "talvez depois", "simm pode salvar": no name, street or complement
            }
            question = Courtesy.withoutCourtesy(text).indexOf('?') >= 0;
            String answer = spotted ? wholeAnswer(text, askedField, values.get(askedField)) : Courtesy.answer(text);
            if (!spotted && "name".equals(askedField)) {
                // "Katherine with a K. Katherine Brooks", "Sr. Benedito Gomes", "just Sarah is fine"
                answer = NameSpotter.withoutWillDo(NameSpotter.withoutTitle(NameSpotter.withoutSpelling(answer).strip()));
                int colon = answer.lastIndexOf(':');
                if (colon > 0 && plainName(answer.substring(colon + 1).strip())) {
                    answer = answer.substring(colon + 1).strip(); // "ok full name then: Rajesh Kumar Venkataraman"
                }
            }
            String afterQuestion = question && !spotted
                    ? Courtesy.answer(text.substring(text.lastIndexOf('?') + 1)) : "";
            if (!afterQuestion.isEmpty() && afterQuestion.split("\\s+").length <= 4
                    && validFor(askedField, afterQuestion) && !onlyFlowWords(afterQuestion)
                    && NamedValues.plausible(askedField, afterQuestion)) {
                values.put(askedField, afterQuestion); // "precisa do bairro? gonzaga": the answer after the question
                return new Reading(Intent.PROVIDE_VALUE, 0.85);
            }
            boolean valid = validFor(askedField, answer);
            // A question instead of the answer ("Com licença, vcs vendem celular?"); a free-text field takes
            // almost any text, so a question mark in a sentence of some length tells more than the validator.
            if (!spotted && question && (!valid || core.size() >= 3)
                    || !spotted && offTopic && !(valid && looksLikeAName(text))) {
                return elsewhere;
            }
            if (!spotted && !values.isEmpty()) {
                // "Lena Fischer, email lena@x.de" asked the name: the name beside the e-mail; "não tenho email, mas meu
                // whats é 11 97777-1234", "cep 69083-000" asked the street: other values, not this one
                String beside = besideOtherValues(answer, values.values());
                if (!beside.isEmpty() && validFor(askedField, beside)
                        && (CanonicalValues.STRUCTURED.contains(askedField) || looksLikeAName(beside))) {
                    values.put(askedField, beside);
                }
                return new Reading(Intent.PROVIDE_VALUE, 0.85);
            }
            if ("city".equals(askedField)) {
                answer = cityWithoutRemark(answer);
            }
            values.put(askedField, answer);
            return new Reading(Intent.PROVIDE_VALUE, valid ? 0.95 : 0.6);
        }
        if (offTopic && values.keySet().equals(Set.of("city"))) {
            return elsewhere; // "what's the weather in Goiânia?": a city named in passing
        }
        if (!values.isEmpty() || choice.isPresent()) {
            return new Reading(Intent.PROVIDE_VALUE, 0.85);
        }
        if (offTopic) {
            return elsewhere; // "meu email de cobrança tá chegando errado": a field named about something else
        }
        if (namesAField) {
            if (question) {
                return new Reading(Intent.OUT_OF_SCOPE, 0.5); // "qual é o seu nome?": asks about the bot
            }
            if (words.size() > 12 && !FOUR_DIGITS.matcher(text).find()) {
                // "o moço do caminhão ligou no meu telefone falando q ta parado na balança": a story that names a
                // field and gives no value of it, nor asks anything of the bot
                return new Reading(Intent.OUT_OF_SCOPE, 0.5);
            }
            // "meu cpf é 123.456.789-00": a value of that field that the rules would not take (an invalid CPF),
            // still an answer; "nome: Ana Lima", "moro em Londrina": most likely a value after the field's name, in
            // a form the rules do not spot, so the value itself is better read by a model when one is configured.
            return new Reading(Intent.PROVIDE_VALUE, FOUR_DIGITS.matcher(text).find() ? 0.8 : 0.65);
        }
        return elsewhere;
    }

    /**
     * What an answer says besides the values spotted for other fields and the words that label them, when that is one
     * piece: "Lena Fischer, email lena@x.de" -> "Lena Fischer"; "cep 69083-000" -> ""; "Rua A, ana@x.com, Centro" -> "".
     */
    static String besideOtherValues(String answer, Iterable<String> others) {
        String rest = answer;
        for (String other : others) {
            int at = rest.indexOf(other);
            if (at >= 0) {
                rest = rest.substring(0, at) + "," + rest.substring(at + other.length());
            }
        }
        String piece = "";
        for (String part : OTHER_VALUE_SEPARATOR.split(rest)) {
            String bare = withoutLabels(part);
            if (!bare.isEmpty()) {
                if (!piece.isEmpty()) {
                    return "";
                }
                piece = bare;
            }
        }
        return piece;
    }

    /** Without the words at either end that are the flow's or a field's label: "meu email é", "Lena Fischer email". */
    private static String withoutLabels(String part) {
        List<String> words = new ArrayList<>(List.of(part.strip().split("\\s+")));
        while (!words.isEmpty() && label(words.getFirst())) {
            words.removeFirst();
        }
        while (!words.isEmpty() && label(words.getLast())) {
            words.removeLast();
        }
        return String.join(" ", words);
    }

    private static boolean label(String word) {
        String folded = NOT_A_LETTER.matcher(Normaliser.fold(word)).replaceAll("");
        return folded.isEmpty() || LEAD_IN_WORDS.contains(folded) || FIELDS_BY_WORD.containsKey(folded)
                || CONNECTIVES.contains(folded) || POLITE.contains(folded);
    }

    /** Words the bot reads as the flow of the conversation, and nothing of the person's own. */
    private static boolean onlyFlowWords(String text) {
        return onlyFlowWords(answerWords(text));
    }

    private static boolean onlyFlowWords(List<String> answer) {
        // a month is no word of the flow: "Marco" (março) may be a district, "Maio" a surname
        return !answer.isEmpty() && answer.stream().allMatch(word -> KEYWORDS.contains(word) && !MONTHS.contains(word)
                || POLITE.contains(word));
    }

    /** The answer's words as read: slips put right ("simm" is "sim"). */
    private static List<String> answerWords(String text) {
        return Words.of(Normaliser.words(Normaliser.fold(Courtesy.answer(text)))).canonical();
    }

    /** Every word capitalised, or only connectives between them: "Maria do Socorro", "Jardim Botânico". */
    /** Whether a word names this field: "minha rua é a Augusta" answers the street asked, in a sentence. */
    private static boolean names(List<String> words, String field) {
        for (String word : words) {
            List<String> fields = FIELDS_BY_WORD.get(word);
            if (fields != null && fields.contains(field)) {
                return true;
            }
        }
        return false;
    }

    /** "juazeiro do norte, terra do padim ciço": a listed city, and a remark after it that is no state. */
    private static String cityWithoutRemark(String answer) {
        int comma = answer.indexOf(',');
        if (comma > 0) {
            String city = answer.substring(0, comma).strip();
            String rest = STATE_WORD.matcher(answer.substring(comma + 1).strip()).replaceAll("");
            if (PlaceNames.known(city) && !validFor("state", rest)) { // not "Curitiba, Paraná state"
                return city;
            }
        }
        return answer;
    }

    /**
     * "Raimundo Nonato Feitosa, cpf 350…, fone …": a capitalised name of two to five words opening a list of other
     * values, none of its words one of the rules' keywords ("Bom Dia, cpf …" is no name).
     */
    static Optional<String> leadingName(String text, Map<String, String> values) {
        int comma = text.indexOf(',');
        if (comma < 0) {
            return Optional.empty();
        }
        String head = text.substring(0, comma).strip();
        if (!plainName(head) || values.values().stream().anyMatch(value -> head.contains(value) || value.contains(head))) {
            return Optional.empty();
        }
        return Optional.of(head);
    }

    /** Two to five capitalised words that no place is and none of the rules' words: "José Carlos Rezende". */
    static boolean plainName(String text) {
        List<String> words = Normaliser.words(Normaliser.fold(text));
        return words.size() >= 2 && words.size() <= 5 && looksLikeAName(text) && validFor("name", text)
                && !PlaceNames.known(text)
                && words.stream().noneMatch(word -> KEYWORDS.contains(word) && !MONTHS.contains(word)
                        && !CONNECTIVES.contains(word) && !FIELDS_BY_WORD.containsKey(word)); // "Nascimento" is a surname too
    }

    private static boolean looksLikeAName(String text) {
        for (String word : text.strip().split("\\s+")) {
            if (!word.isEmpty() && !Character.isUpperCase(word.codePointAt(0)) && !CONNECTIVES.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The value of the field asked: what the rules spotted, or the whole answer when the answer is nothing but the
     * value in a longer form ("torre 2 apto 88", "Casa dos fundos" where "apto 88", "fundos" was spotted).
     */
    private static String wholeAnswer(String text, String askedField, String spotted) {
        if (!askedField.equals("complement")) {
            return spotted;
        }
        String whole = Courtesy.answer(text);
        if (whole.length() <= spotted.length() || whole.length() > 40) {
            return spotted;
        }
        for (String word : Normaliser.fold(whole).split("[^\\p{L}\\p{N}]+")) {
            if (LEAD_IN_WORDS.contains(word)) {
                return spotted;
            }
        }
        return whole;
    }

    /**
     * Whether an answer to the field asked outweighs this small talk: "Liam Y. Johnson" is a name with a "y" in it,
     * "Maria do Socorro" one with "socorro"; but "preciso de ajuda" asks for help whatever field was asked, and
     * thanks and goodbyes are never a name or an address.
     */
    static boolean outweighedByAnswer(Intent intent, Words words, String text) {
        // The answer's words as read (slips put right: "simm" is "sim"); words of the flow ("pode salvar", "ok")
        // alone are never a value: a yes or a thanks is not a name.
        List<String> answer = answerWords(text);
        boolean ownWord = !onlyFlowWords(answer);
        return switch (intent) {
            // "Oi, tudo bem? Maria da Silva. Obrigada!": a name between a greeting and a thanks.
            case THANKS, GOODBYE -> ownWord && answer.stream()
                    .noneMatch(word -> THANKS.contains(word) || GOODBYE.contains(word) || GREET.contains(word));
            case HELP -> words.raw().stream().noneMatch(HELP_SENTENCE::contains);
            // "perfeito 👍" while asking the complement is a yes; "Liam Y. Johnson" is a name with a "y" in it.
            default -> ownWord && answer.stream().anyMatch(word -> !AFFIRM.contains(word)
                    && !GREET.contains(word) && !GREET_FILLER.contains(word) && !THANKS.contains(word)
                    && !POLITE.contains(word));
        };
    }

    /** Several words that make a valid value of the field asked ("Liam Y. Johnson" is a name, not a "y"). */
    static boolean answersAsked(String text, String askedField, Words words) {
        return askedField != null && words.size() >= 2 && validFor(askedField, Courtesy.answer(text));
    }

    static boolean validFor(String fieldName, String value) {
        // The phone is never asked in a form (it is the sender's WhatsApp number), but may be asked by a flow.
        if (fieldName.equals("phone") && value.chars().filter(Character::isDigit).count() < 8) {
            return false; // no number to parse
        }
        Optional<Field> field = fieldName.equals("phone") ? Optional.of(RegistrationFields.PHONE)
                : RegistrationFields.byName(fieldName);
        return field
                .map(candidate -> candidate.validate(value) instanceof Validation.Valid).orElse(false);
    }
}
