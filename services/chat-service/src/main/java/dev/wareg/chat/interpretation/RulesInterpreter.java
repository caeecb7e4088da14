package dev.wareg.chat.interpretation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The rules, for Portuguese and English, as a pipeline of small parts: the {@link Normaliser} folds the text and
 * splits it into {@link Words} (slips in keywords put right); the {@link ValueSpotters} find values of every kind
 * in it; the {@link IntentRules} name an intent from the keywords and phrases of the {@link Lexicon}, and
 * {@link Corrections} reconsider a no for what it means; {@link AnswerRules} read what no rule placed, most often
 * the answer to the field asked; {@link CanonicalValues} give each value as it would be stored. The vocabulary is
 * in the lexicon files ({@code interpretation/*.lexicon}); the classes are the mechanism.
 */
@Component
public class RulesInterpreter implements Interpreter {

    private static final Locale BRAZILIAN_PORTUGUESE = Locale.forLanguageTag("pt-BR");
    /** A house without a number: "s/n", "S/N", "s/nº". */
    private static final Pattern NO_NUMBER = Pattern.compile("\\s*s/n[º°o]?\\s*\\.?\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Laughing, the whole message: "kkkkk", "hahaha", "rsrs", "lol". */
    private static final Pattern LAUGHTER = Pattern.compile(
            "^\\W*(?:(?:k{3,}|(?:ha){2,}h?|(?:he){2,}|(?:hue){2,}|(?:hua){2,}|(?:rs){2,}|lol|lmao|rofl)\\W*)+$");
    /** A whole message that only asks "what?": "?", "???", "hein?", "como assim?", "huh?". */
    private static final Pattern PUZZLED = Pattern.compile(
            "^\\s*(?:(?:h[aã]+|hein|hum+|huh|what|como|oq|o que|que|han|eh|q)\\s*)?\\?+[\\s?!]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern CHOICE = Pattern.compile("^\\s*(?:op(?:c|ç)(?:a|ã)o|option|n[ºo°]?|#)?\\s*(\\d{1,2})\\s*[.)]?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern LETTERS = Pattern.compile("\\p{L}+");
    /** Intents that a value in the same message outweighs. */
    /** A house number after a short word for it, when the number is asked: "n 150", "nr. 12B", "num 7". */
    private static final Pattern SHORT_NUMBER =
            Pattern.compile("(?i)(?:n|nr|num|no)\\.?\\s*(\\d{1,5}[a-z]?)");
    private static final Pattern EMAIL_ADDRESS =
            Pattern.compile("\\bemail\\s+address|\\bendereco\\s+(?:de\\s+)?email|\\bendereco\\s+eletronico");
    /** A field kept as it is ({@code keep-field}: "deixa o email antigo"). */
    private static final Pattern KEEP_FIELD = Lexicon.STANDARD.phrasesAnywhere("keep-field");
    private static final Pattern FREE_TEXT_TAIL = Pattern.compile("(?:\\s*,)?\\s+(?:(?:e\\s+)?(?:n[aã]o|not)|mas|but"
            + "|perto\\s+d[aoe]s?|near|pr[oó]xim[oa]\\s+(?:a|ao|à|de|do|da))\\s+\\S.*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    private static final IntentCues.Cued DEVICE = IntentCues.Cued.of("device");
    private static final IntentCues.Cued OTHER_OWNER = IntentCues.Cued.of("other-owner");
    private static final Set<Intent> SMALL_TALK = Set.of(Intent.AFFIRM, Intent.GREET, Intent.THANKS, Intent.HELP,
            Intent.GOODBYE);

    @Override
    public Interpretation interpret(String text, String askedField) {
        String folded = Normaliser.fold(text);
        Words words = Words.of(Normaliser.words(folded));
        String repaired = repaired(text, words);
        Map<String, String> values = ValueSpotters.spot(repaired, repaired == text ? folded : Normaliser.fold(repaired),
                folded, words.raw(), askedField);
        Set<String> targets = new HashSet<>();
        for (String word : words.canonical()) {
            List<String> fields = Vocabulary.FIELDS_BY_WORD.get(word);
            if (fields != null) {
                targets.addAll(fields);
            }
        }
        if (targets.contains("phone")) {
            targets.remove("number"); // "número de telefone", "phone number": the phone, not the house number
            if (words.contains(Vocabulary.OFF_TOPIC)) {
                targets.remove("phone"); // "vcs vendem celular?": a phone for sale, not the person's
            }
        }
        if (targets.contains("address") && targets.size() > 1 && (EMAIL_ADDRESS.matcher(folded).find()
                || !words.contains(Vocabulary.ADDRESS_NOUNS))) {
            // "e-mail address", "endereço de e-mail": the e-mail's, not a postal one; "mudei meu sobrenome": a verb
            // of moving opens the address only when nothing else is named
            targets.remove("address");
        }
        if (targets.contains("phone") && targets.size() > 1 && DEVICE.in(words)) {
            targets.remove("phone"); // "trocar o email pq o bol nao abre no meu celular": the device, not the number
        }
        numberOfTheAddress(targets, words);
        boolean everything = targets.isEmpty() && words.contains(Vocabulary.EVERYTHING);
        Optional<Integer> choice = choice(text);
        // "oi td bem? preciso colocar meu cpf": the greeting's question mark asks nothing of the request
        boolean question = text.indexOf('?') >= 0 && Courtesy.withoutCourtesy(text).indexOf('?') >= 0;
        Reading reading;
        if ("number".equals(askedField) && text.indexOf('/') > 0 && NO_NUMBER.matcher(Courtesy.answer(text)).matches()) {
            values.put("number", Courtesy.answer(text)); // "s/n": the house has no number, which is an answer
            reading = new Reading(Intent.PROVIDE_VALUE, 0.9);
        } else if ("number".equals(askedField) && SHORT_NUMBER.matcher(Courtesy.answer(text)).matches()) {
            Matcher number = SHORT_NUMBER.matcher(Courtesy.answer(text));
            number.matches();
            values.put("number", number.group(1)); // "n 150", "nr. 12": the house number after its short word
            reading = new Reading(Intent.PROVIDE_VALUE, 0.9);
        } else if ("state".equals(askedField) && !Courtesy.answer(text).equals(Normaliser.fold(Courtesy.answer(text)))
                && AnswerRules.validFor("state", Courtesy.answer(text))) {
            values.put("state", Courtesy.answer(text)); // "Pará", "Amapá": with its accent a state, not "para" (stop)
            reading = new Reading(Intent.PROVIDE_VALUE, 0.9);
        } else if (words.size() <= 4 && LAUGHTER.matcher(folded).matches()) {
            reading = new Reading(Intent.OUT_OF_SCOPE, 0.75); // "kkkkk", "hahaha", "rs": no answer to anything
        } else if (question && words.size() <= 2 && PUZZLED.matcher(text).matches()) {
            reading = new Reading(Intent.HELP, 0.8); // "?", "hein?", "como assim?"
        } else if (OTHER_OWNER.in(words)) {
            values.clear(); // "quero mudar o nome do meu cachorro", "the clinic's address": another's data
            reading = new Reading(Intent.OUT_OF_SCOPE, 0.8);
        } else {
            reading = IntentRules.intent(words, !targets.isEmpty(), question, !values.isEmpty());
            reading = Corrections.reconsider(reading, text, words, targets, values, askedField);
            reading = keptField(words, targets, reading);
            reading = NamedValues.take(reading, text, targets, values);
        }
        if (reading != null && SMALL_TALK.contains(reading.intent()) && (!values.isEmpty()
                || !targets.isEmpty() && AnswerRules.FOUR_DIGITS.matcher(text).find() // "o cpf é 87282792287 ok"
                || AnswerRules.answersAsked(text, askedField, words)
                && AnswerRules.outweighedByAnswer(reading.intent(), words, text))) {
            reading = null; // "sure, ana@x.com", "Liam Y. Johnson": the value is the message
        }
        NamedValues.takeRest(text, askedField, values);
        if ((askedField == null || "name".equals(askedField)) && !values.isEmpty() && !values.containsKey("name")) {
            AnswerRules.leadingName(text, values).ifPresent(name -> values.put("name", name)); // "Marco Bianchi, born …"
        }
        theNumber(targets, values, words);
        if ("complement".equals(askedField) && NoneAnswers.saysNone(text)) {
            values.remove("complement"); // "não tem", "é casa": no complement, the optional part skipped
            reading = new Reading(Intent.KEEP, 0.85);
        }
        if (reading == null) {
            reading = AnswerRules.unplaced(text, askedField, values, choice, !targets.isEmpty(), words);
        }
        trimmed(values);
        AddressTail.cityAfterDistrict(values);
        AddressTail.stateAfterCity(values);
        return new Interpretation(reading.intent(), reading.confidence(), targets, CanonicalValues.of(values), choice,
                language(Normaliser.tokens(folded)), everything, CanonicalValues.spans(values, text));
    }

    /**
     * Free text up to what is said about it: "Boa Vista não Boa Viagem", "Rua Bahia not Rua Goiás" (the one replaced),
     * "Aldeota perto do shopping" (where it is), "Beatriz Rocha, mas pode me chamar de Bia" (what follows a but).
     */
    private static void trimmed(Map<String, String> values) {
        values.replaceAll((field, value) -> NamedValues.structured(field) ? value : FREE_TEXT_TAIL.matcher(value).replaceFirst(""));
    }

    /**
     * "na verdade deixa o email antigo, muda só o cpf", "keep my old email": the field kept as it is is the message's
     * one target, to keep; what else it names stays as it was asked.
     */
    private static Reading keptField(Words words, Set<String> targets, Reading reading) {
        Matcher kept = KEEP_FIELD.matcher(words.text());
        if (!kept.find()) {
            return reading;
        }
        for (String word : Normaliser.tokens(kept.group())) {
            List<String> fields = Vocabulary.FIELDS_BY_WORD.get(word);
            if (fields != null) {
                targets.clear();
                targets.addAll(fields);
                return new Reading(Intent.KEEP, 0.9);
            }
        }
        return reading;
    }

    /**
     * A bare "número" ("mudei de número", "I changed my number") is the phone as often as the house number: without
     * a word of an address beside it, both are named, and the conversation asks which (or knows, inside an address).
     * A value settles it: a phone number is the phone, "1050" the house number.
     */
    /** "o número do meu endereço", "the number of my address": the house number, not the whole address. */
    private static void numberOfTheAddress(Set<String> targets, Words words) {
        if (!targets.equals(Set.of("number", "address"))) {
            return;
        }
        List<String> canonical = words.canonical();
        int number = -1;
        for (int i = 0; i < canonical.size(); i++) {
            List<String> fields = Vocabulary.FIELDS_BY_WORD.getOrDefault(canonical.get(i), List.of());
            if (fields.contains("number")) {
                number = i;
            } else if (fields.contains("address") && number >= 0 && i - number <= 3) {
                targets.remove("address");
                return;
            }
        }
    }

    private static void theNumber(Set<String> targets, Map<String, String> values, Words words) {
        if (!targets.equals(Set.of("number")) || words.contains(Vocabulary.HOUSE_NUMBER_CONTEXT)) {
            return;
        }
        if (values.containsKey("phone")) {
            targets.remove("number");
            targets.add("phone");
        } else if (!values.containsKey("number")) {
            targets.add("phone");
        }
    }

    /**
     * The text with the slips in its lower-case words of lead-ins put right ("me chmao Ana" -> "me chamo Ana"), so that
     * the patterns that find values after their lead-ins read through them. Only words of lead-ins and field names:
     * a name in lower case is no slip ("joel batista ramos" is not "vamos"). Capitalised words (names, places) stay as
     * written, and so every value stays as it was typed. Most messages have no slip, and come back as they are.
     */
    private static String repaired(String text, Words words) {
        Map<String, String> fixes = null;
        for (int i = 0; i < words.size(); i++) {
            String raw = words.raw().get(i);
            String canonical = words.canonical().get(i);
            if (!raw.equals(canonical) && raw.length() >= 5 && Vocabulary.REPAIRABLE.contains(canonical)) {
                if (fixes == null) {
                    fixes = new HashMap<>();
                }
                fixes.put(raw, canonical);
            }
        }
        if (fixes == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        Matcher word = LETTERS.matcher(text);
        int last = 0;
        while (word.find()) {
            String token = word.group();
            if (Character.isLowerCase(token.charAt(0)) && !inAddress(text, word.start(), word.end())) {
                String fix = fixes.get(Normaliser.fold(token));
                if (fix != null) {
                    out.append(text, last, word.start()).append(fix);
                    last = word.end();
                }
            }
        }
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }

    /** Part of an e-mail address or similar ("gmail" in "ana@gmail.com" is no slip of "email"). */
    private static boolean inAddress(String text, int start, int end) {
        return start > 0 && "@._-".indexOf(text.charAt(start - 1)) >= 0
                || end < text.length() && "@._-".indexOf(text.charAt(end)) >= 0;
    }

    private static Optional<Integer> choice(String text) {
        Matcher matcher = CHOICE.matcher(text);
        return matcher.matches() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    /**
     * The language the words make clear, as written: "n" is no more Portuguese than English. Words of both with one
     * more of either ("no complement needed, it's a house": "no" and "a" are Portuguese words too) make nothing
     * clear, and the conversation keeps the language it had.
     */
    private static Optional<Locale> language(List<String> words) {
        long english = words.stream().filter(Vocabulary.ENGLISH::contains).count();
        long portuguese = words.stream().filter(Vocabulary.PORTUGUESE::contains).count();
        if (english > 0 && portuguese > 0 && Math.abs(english - portuguese) < 2) {
            return Optional.empty();
        }
        if (english > portuguese) {
            return Optional.of(Locale.ENGLISH);
        }
        if (portuguese > english) {
            return Optional.of(BRAZILIAN_PORTUGUESE);
        }
        return Optional.empty();
    }
}
