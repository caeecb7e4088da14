package dev.wareg.chat.interpretation;

import static dev.wareg.chat.interpretation.Vocabulary.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The intent rules: which intent the keywords and phrases of the lexicon name, or none. Order matters: the first
 * rule that holds wins. Each phrase pattern runs only when one of its words is in the message, because a set is
 * cheaper than a pattern.
 */
final class IntentRules {

    private static final Lexicon LEXICON = Lexicon.STANDARD;
    private static final Pattern HELP_PHRASE = LEXICON.phrasesAnywhere("help-phrases");
    private static final Set<String> HELP_PHRASE_CUES = LEXICON.cues("help-phrases");
    /** Confusion about the chat itself, wherever it is: "não sei mexer nisso, o que eu faço?". */
    private static final Pattern HELP_CONFUSION = LEXICON.phrasesAnywhere("help-confusion");
    private static final Set<String> HELP_CONFUSION_CUES = LEXICON.cues("help-confusion");
    /** A question about a field rather than a value of it: "o que é CEP?", "pra que vc quer meu cpf?". */
    private static final Pattern FIELD_QUESTION = LEXICON.phrasesAnywhere("field-questions");
    private static final Set<String> FIELD_QUESTION_CUES = LEXICON.cues("field-questions");
    /** An erasure said without a verb and its object: "quero sair da base", "right to be forgotten". */
    private static final Pattern DELETE_PHRASE = LEXICON.phrasesAnywhere("delete-phrases");
    private static final Set<String> DELETE_PHRASE_CUES = LEXICON.cues("delete-phrases");
    private static final Set<String> DELETE_FROM = LEXICON.words("delete-from");
    private static final Set<String> DELETE_WHOLE = LEXICON.words("delete-whole");
    private static final Pattern REGISTER_PHRASE = LEXICON.phrasesAnywhere("register-phrases");
    private static final Set<String> REGISTER_PHRASE_CUES = LEXICON.cues("register-phrases");
    private static final Pattern REGISTER_ALONE = Pattern.compile("^" + LEXICON.phrases("register-alone") + "$");
    private static final Pattern DENY_ALONE = Pattern.compile("^" + LEXICON.phrases("deny-alone") + "$");
    private static final Pattern KEEP_ALONE = Pattern.compile("^" + LEXICON.phrases("keep-alone") + "$");
    private static final Pattern CANCEL_ALONE = Pattern.compile("^" + LEXICON.phrases("cancel-alone") + "$");
    /** A change said as news: "tô com número novo", "o antigo não uso mais", "got a new phone". */
    private static final Pattern UPDATE_PHRASE = LEXICON.phrasesAnywhere("update-phrases");
    private static final Set<String> UPDATE_PHRASE_CUES = LEXICON.cues("update-phrases");
    private static final Pattern SHOW_PHRASE = LEXICON.phrasesAnywhere("show-phrases");
    private static final Set<String> SHOW_PHRASE_CUES = LEXICON.cues("show-phrases");
    /** What is stored, named by where it is: "qual data tá aí?", "the address you have on file". */
    /** "antes de mudar, quero ver o que tá aí": to see first. */
    private static final Pattern SHOW_BEFORE_CHANGE = LEXICON.phrasesAnywhere("show-before-change");
    private static final Set<String> SEE = Set.of("ver", "saber", "conferir", "olhar", "see", "show", "look", "check", "view");
    private static final Pattern STORED_HERE = LEXICON.phrasesAnywhere("stored-here");
    /** Where a wrong value is: "o email tá errado no cadastro" asks to change what is stored, not an answer. */
    private static final Pattern STORED_WRONG = LEXICON.phrasesAnywhere("stored-wrong");
    private static final Pattern STATED_WRONG = Pattern.compile("\\b(?:ta|esta|thats|that s|its|it s|is) (?:errad[oa]|wrong)\\b");
    private static final Set<String> NEGATIONS = Set.of("nao", "not", "dont", "never", "nunca");
    private static final Pattern UNSURE_PHRASE = LEXICON.phrasesAnywhere("unsure-phrases");
    private static final Pattern CORRECT_AS_YES = LEXICON.phrasesAnywhere("correct-as-yes");
    private static final Pattern CANCEL_PHRASE = LEXICON.phrasesAnywhere("cancel-phrases");
    private static final Set<String> CANCEL_CUES = LEXICON.cues("cancel-phrases");
    private static final Pattern HUMAN_PHRASE = LEXICON.phrasesAnywhere("human-phrases");
    private static final Set<String> HUMAN_CUES = LEXICON.cues("human-phrases");
    private static final Pattern DENY_PHRASE = LEXICON.phrasesAnywhere("deny-phrases");
    private static final Set<String> DENY_CUES = LEXICON.cues("deny-phrases");
    private static final Pattern KEEP_PHRASE = Pattern.compile("\\b" + LEXICON.phrases("keep-phrases") + "\\b|\\b"
            + LEXICON.phrases("keep-endings") + "$");
    private static final Set<String> KEEP_CUES = union(LEXICON.cues("keep-phrases"),
            LEXICON.cues("keep-endings"));
    private static final Pattern REST_STAYS = LEXICON.phrasesAnywhere("rest-stays");
    /** "o nome certo é ...", "o correto é ...": a correction, not a yes. */
    static final Pattern CORRECTION_PHRASE = LEXICON.phrasesAnywhere("correct-phrases");
    static final Set<String> CORRECTION_CUES = LEXICON.cues("correct-phrases");
    /** "quis dizer 42", "I meant Ana": a correction, unless denied ("não é isso que eu quis dizer" is a no). */
    private static final Pattern MEANT_PHRASE = LEXICON.phrasesAnywhere("meant-phrases");
    private static final Set<String> MEANT_CUES = LEXICON.cues("meant-phrases");
    /** A yes in so many words, the whole message: "pode ser", "go ahead", "sim, isso mesmo". */
    private static final Pattern AFFIRM_PHRASE = Pattern.compile("^(?:" + LEXICON.phrases("affirm-openers") + "\\s+)*"
            + LEXICON.phrases("affirm-phrases") + "(?:\\s+(?:" + LEXICON.phrases("affirm-phrases") + "|"
            + LEXICON.phrases("affirm-closers") + "))*$");
    private static final Pattern GOODBYE_PHRASE = LEXICON.phrasesAnywhere("goodbye-phrases");
    private static final Pattern THANKS_FOR = LEXICON.phrasesAnywhere("thanks-for");
    private static final Set<String> AFFIRM_WEAK = LEXICON.words("affirm-weak");
    /**
     * Asking how to go on: open questions ("o que eu faço", "how do I use") only when they end the message ("o que
     * eu faço no domingo?" is about something else), requests for help and confusion wherever they are.
     */
    private static final Pattern HELP_QUESTION = Pattern.compile("\\b(?:" + LEXICON.phrases("help-questions")
            + "(?: " + LEXICON.phrases("help-question-closers") + ")*$|" + LEXICON.phrases("help-requests") + "|"
            + LEXICON.phrases("help-confusion") + ")\\b");
    private static final Set<String> HELP_QUESTION_CUES = union(union(LEXICON.cues("help-questions"),
            LEXICON.cues("help-requests")), HELP_CONFUSION_CUES);
    /** "tudo bem?", "how are you?": small talk, not a yes. */
    private static final Pattern HOW_ARE_YOU = Pattern.compile(LEXICON.phrases("how-are-you"));
    private static final Pattern HELP_WITH = Pattern.compile(
            "\\b(?:help(?: me)?|ajuda(?:r)?(?: me)?|me ajud[ae]) (?:with|com|a|to|pra|para|em|on|in|find|escolher|achar|fazer) (.+)$");

    private IntentRules() {
    }

    /**
     * Whether what is left without the words of thanks is a plain yes: "sim", "isso", "pode salvar". A weak one ("ok",
     * "beleza", "certo") beside thanks is a thanks: "ok, obrigado" closes a conversation more often than it confirms.
     */
    private static boolean yesBesideThanks(Words words) {
        return yesBesideThanks(words, false);
    }

    /**
     * @param weakCounts whether a weak yes counts ("perfeito, obrigada", "blz, obg"): it does where a yes or no was
     *                   asked, as at a confirmation, where a thanks alone answers nothing
     */
    static boolean yesBesideThanks(Words words, boolean weakCounts) {
        // Without the thanks around it too: "sim, pode salvar. Muito obrigada pela atenção."
        List<String> said = Words.of(Normaliser.words(Courtesy.withoutCourtesy(words.text()))).canonical();
        List<String> rest = said.stream().filter(word -> !THANKS.contains(word)).toList();
        if (rest.isEmpty() || !weakCounts && rest.stream().allMatch(AFFIRM_WEAK::contains)) {
            return false;
        }
        return rest.stream().allMatch(word -> AFFIRM.contains(word) || weakCounts && AFFIRM_WEAK.contains(word))
                || AFFIRM_PHRASE.matcher(String.join(" ", rest)).matches();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet());
    }

    static Reading intent(Words words, boolean namesAField, boolean question, boolean hasValues) {
        int negation = words.size() > 0 && DENY_FIRST.contains(words.canonical().getFirst()) ? 0
                : words.indexOf(DENY, true);
        int update = words.indexOf(UPDATE, true);
        int delete = words.indexOf(DELETE, true);
        int size = words.size();
        String text = words.text();
        boolean offTopic = words.contains(OFF_TOPIC);
        if (size <= 12 && words.anyOf(HELP_PHRASE_CUES) && HELP_PHRASE.matcher(text).find()) {
            return new Reading(Intent.HELP, 0.85);
        }
        // "o que é CEP?", "is CPF mandatory?": about the field, not its value, nor a question about one's own
        if (namesAField && !hasValues && size <= 20 && words.anyOf(FIELD_QUESTION_CUES)
                && FIELD_QUESTION.matcher(text).find() && !asksAboutOwn(words)) {
            return new Reading(Intent.HELP, 0.8);
        }
        if (size <= 6 && UNSURE_PHRASE.matcher(text).find() && !HELP_QUESTION.matcher(text).find()) {
            return null;
        }
        if (size <= 5 && CORRECT_AS_YES.matcher(text).find()) {
            return new Reading(Intent.AFFIRM, 0.85);
        }
        // "apagar meu cadastro" is an erasure; "remover o complemento do cadastro" is an update of one field.
        // "não quero mais que tenham meus dados" is no negation of the erasure it asks for.
        boolean noLonger = text.contains(" mais ") || text.contains("longer") || text.contains("anymore");
        boolean wholeErased = delete >= 0 && (!namesAField || erasesTheWhole(words, delete) || words.contains(DELETE_FROM));
        // "não quero dar cpf nenhum, apaga tudo": a no about something else, some words before the erasure
        if (wholeErased && words.contains(DELETE_WHAT)
                && (negation < 0 || negation > delete || noLonger || delete - negation >= 4)) {
            return Reading.of(Intent.DELETE_MY_DATA, words, DELETE, 0.9);
        }
        // "cancelar meu cadastro", "close my account": closing one's own account is an erasure, which the chat
        // confirms before anything happens; "cancelar o cadastro" may be leaving the registration under way.
        if (!namesAField && words.contains(CLOSE_ACCOUNT) && words.contains(CLOSE_ACCOUNT_WHAT) && words.contains(POSSESSIVE)
                && negation < 0) {
            return new Reading(Intent.DELETE_MY_DATA, 0.85);
        }
        boolean person = words.anyOf(HUMAN_CUES) && HUMAN_PHRASE.matcher(text).find();
        if (person && size <= 25 && delete < 0) {
            return new Reading(Intent.HUMAN, 0.9);
        }
        boolean correctionPhrase = words.anyOf(CORRECTION_CUES) && CORRECTION_PHRASE.matcher(text).find();
        boolean signsUp = registers(words) || words.anyOf(REGISTER_PHRASE_CUES) && REGISTER_PHRASE.matcher(text).find()
                || size <= 2 && REGISTER_ALONE.matcher(text).matches();
        if (words.contains(HUMAN) && !words.contains(CANCEL) && !correctionPhrase && !signsUp && size <= 14 && delete < 0 && words.indexOf(REGISTER, true) < 0) {
            return Reading.of(Intent.HUMAN, words, HUMAN, 0.9);
        }
        // "quero ver o que tá cadastrado antes de mudar", "before I change anything, show me what you have"
        if (SHOW_BEFORE_CHANGE.matcher(text).find() && words.canonical().stream().anyMatch(SEE::contains)) {
            return new Reading(Intent.SHOW_MY_DATA, 0.85);
        }
        Matcher erasure = words.anyOf(DELETE_PHRASE_CUES) ? DELETE_PHRASE.matcher(text) : null;
        if (erasure != null && erasure.find() && !negatedBefore(text, erasure.start())) {
            return new Reading(Intent.DELETE_MY_DATA, 0.85);
        }
        if (size <= 2 && DENY_ALONE.matcher(text).matches()) {
            return new Reading(Intent.DENY, 0.85); // "nem": a no, though "nem sei" is not
        }
        if (size <= 2 && CANCEL_ALONE.matcher(text).matches()) {
            return new Reading(Intent.CANCEL, 0.85); // "para", "pare": a stop, though a word in a sentence
        }
        if (words.contains(CANCEL) && !offTopic) { // not "quero cancelar minha assinatura do plano"
            return Reading.of(Intent.CANCEL, words, CANCEL, 0.95);
        }
        if (size <= 12 && words.anyOf(CANCEL_CUES) && CANCEL_PHRASE.matcher(text).find()) {
            return new Reading(Intent.CANCEL, 0.9);
        }
        // "não sei mexer muito bem nesse aplicativo, poderiam me orientar?": however long, unless it asks for more
        if (size <= 25 && !hasValues && update < 0 && delete < 0 && words.anyOf(HELP_CONFUSION_CUES)
                && HELP_CONFUSION.matcher(text).find()) {
            return new Reading(Intent.HELP, 0.85);
        }
        if (namesAField && delete >= 0 && update < 0) {
            update = delete;
        }
        if (size <= 8 && words.anyOf(DENY_CUES) && DENY_PHRASE.matcher(text).find()) {
            return new Reading(Intent.DENY, 0.9);
        }
        // "agora é apto 121, o resto continua igual": the value of the part asked, and the other parts kept.
        boolean restStays = hasValues && REST_STAYS.matcher(text).find();
        if (!restStays && (size <= 10 && words.anyOf(KEEP_CUES) && KEEP_PHRASE.matcher(text).find()
                || size <= 3 && KEEP_ALONE.matcher(text).matches()
                || size <= 6 && words.indexOf(KEEP, true) >= 0 && update < 0)) {
            return new Reading(Intent.KEEP, 0.85);
        }
        // "sim, pode corrigir", "está tudo correto, pode confirmar", "correct": a yes, though a word in it corrects.
        if (size <= 8 && !offTopic && negation < 0 && AFFIRM_PHRASE.matcher(text).matches()) {
            return new Reading(Intent.AFFIRM, 0.85);
        }
        boolean corrects = words.indexOf(CORRECT, false) >= 0 || misspeltLongCorrection(words)
                || words.canonical().contains("correcao")
                || words.canonical().contains("correction") || correctionPhrase || meant(words, negation);
        if (negation == 0 && corrects && !namesAField && !hasValues && size <= 6 && STATED_WRONG.matcher(text).find()
                && !CORRECTION_PHRASE.matcher(STATED_WRONG.matcher(text).replaceAll("")).find()) {
            return new Reading(Intent.DENY, 0.85); // "não, não, tá errado isso": a no, with nothing to put right yet
        }
        boolean storedWrong = !hasValues && STORED_WRONG.matcher(text).find();
        if (corrects && storedWrong && !offTopic && namesAField) {
            return new Reading(Intent.UPDATE, 0.85); // "meu nome tá escrito errado no cadastro"
        }
        if (corrects && !offTopic && (update < 0 || words.canonical().get(update).startsWith("corrig")
                || words.canonical().get(update).equals("fix")) && !(size <= 3 && words.contains(AFFIRM) && !words.text().contains("corrig"))) {
            return new Reading(Intent.CORRECT, 0.85);
        }
        if (size <= 10 && words.contains(BACK) && (update < 0 || BACK.contains(words.canonical().getFirst())) && !offTopic) {
            return Reading.of(Intent.BACK, words, BACK, 0.9);
        }
        if (negation >= 0 && (update > negation || delete > negation)) {
            return new Reading(Intent.DENY, 0.85);
        }
        if (signsUp && !namesAField) {
            return new Reading(Intent.REGISTER, 0.85); // "how do I sign up? just moved here": not a move
        }
        if (update >= 0 && offTopic && !namesAField) {
            return null; // "quero trocar o produto": a change of something else
        }
        if (update >= 0) {
            // "errei, quero mudar o email" corrects; "dá pra mudar a data? tá errada" changes what is stored
            boolean corrected = CORRECTION_PHRASE.matcher(STATED_WRONG.matcher(text).replaceAll("")).find();
            return Reading.of(corrected && !storedWrong ? Intent.CORRECT : Intent.UPDATE, words, UPDATE, 0.9);
        }
        if (!offTopic && !hasValues && !question && words.anyOf(UPDATE_PHRASE_CUES) && UPDATE_PHRASE.matcher(text).find()) {
            return new Reading(Intent.UPDATE, 0.85);
        }
        if (words.indexOf(REGISTER, true) >= 0 || signsUp) {
            return Reading.of(Intent.REGISTER, words, REGISTER, 0.9);
        }
        if (!offTopic && shows(words) || !hasValues && namesAField && asksAboutOwn(words)) { // not "tem que pagar?"
            return new Reading(Intent.SHOW_MY_DATA, 0.85);
        }
        if (size <= 8 && (words.contains(GOODBYE) || GOODBYE_PHRASE.matcher(text).find())) {
            return Reading.of(Intent.GOODBYE, words, GOODBYE, 0.9);
        }
        if (size <= 10 && words.contains(THANKS) && negation < 0 && !question && !offTopic && yesBesideThanks(words)) {
            return new Reading(Intent.AFFIRM, 0.85); // "sim, obrigada!", "ok pode salvar obg": the yes is the answer
        }
        if (size <= 10 && !question && words.contains(THANKS) && THANKS_FOR.matcher(text).find()) {
            return new Reading(Intent.THANKS, 0.9); // "thanks for the help": a thanks, not a request for help
        }
        boolean elsewhere = offTopic || helpWithSomethingElse(text);
        if (!elsewhere && size <= 10 && words.anyOf(HELP_QUESTION_CUES) && HELP_QUESTION.matcher(text).find()) {
            return new Reading(Intent.HELP, 0.85);
        }
        boolean asksHelp = words.raw().contains("help") || words.raw().contains("ajuda");
        if (!elsewhere && words.contains(HELP) && (size <= 10 || asksHelp) && (asksHelp || !words.contains(THANKS))) {
            return Reading.of(Intent.HELP, words, HELP, 0.85);
        }
        if (size <= 8 && words.contains(THANKS) && negation != 0 && !question && !offTopic) {
            return Reading.of(Intent.THANKS, words, THANKS, 0.9);
        }
        if (negation >= 0 && (negation == 0 || size <= 6 && !ownBefore(words, negation)) && size <= 10) {
            return new Reading(Intent.DENY, size <= 2 ? 0.95 : 0.8);
        }
        if (size > 0 && size <= 10 && GREET.contains(words.canonical().getFirst())
                && words.canonical().stream().allMatch(word -> GREET.contains(word) || GREET_FILLER.contains(word))) {
            return new Reading(Intent.GREET, 0.95);
        }
        if (question && size <= 4 && HOW_ARE_YOU.matcher(text).matches()) {
            return new Reading(Intent.GREET, 0.85); // "tudo bem?": small talk, not a yes
        }
        if (size <= 5 && !offTopic && !(question && size > 1)
                && (words.contains(AFFIRM) && (affirmAtAnEdge(words) || !ownBefore(words, size))
                || words.text().equals("thats it"))) {
            return new Reading(Intent.AFFIRM, size <= 2 ? 0.95 : 0.8);
        }
        return null;
    }

    /** "remove meus dados", "delete my account": the whole named right after the verb, whatever else is named. */
    private static boolean erasesTheWhole(Words words, int delete) {
        List<String> canonical = words.canonical();
        for (int i = delete + 1; i < Math.min(canonical.size(), delete + 3); i++) {
            if (DELETE_WHOLE.contains(canonical.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** "não quero ser esquecido", "don't delete me": a no in the two words before. */
    private static boolean negatedBefore(String text, int start) {
        String[] before = text.substring(0, start).strip().split(" ");
        for (int i = Math.max(0, before.length - 2); i < before.length; i++) {
            if (NEGATIONS.contains(before[i])) {
                return true;
            }
        }
        return false;
    }

    /** "meu pedido não chegou": a no about one's own thing, not an answer no. */
    private static boolean ownBefore(Words words, int negation) {
        for (String word : words.raw().subList(0, negation)) {
            if (POSSESSIVE.contains(word) || word.equals("my")) {
                return true;
            }
        }
        return false;
    }

    /** A yes that opens or closes a short message: "claro que sim", "pode sim"; not "meu chip tá bloqueado". */
    private static boolean affirmAtAnEdge(Words words) {
        List<String> canonical = words.canonical();
        return !canonical.isEmpty() && (AFFIRM.contains(canonical.getFirst()) || AFFIRM.contains(canonical.getLast()));
    }

    /** "quis dizer Niterói, não Nova Iguaçu": a correction, unless a no comes first ("não é isso que eu quis dizer"). */
    private static boolean meant(Words words, int negation) {
        if (!words.anyOf(MEANT_CUES)) {
            return false;
        }
        Matcher meant = MEANT_PHRASE.matcher(words.text());
        if (!meant.find()) {
            return false;
        }
        return negation < 0 || words.text().substring(0, meant.start()).split(" ").length <= negation;
    }

    /**
     * "can you help me with my taxes?", "me ajuda a escolher um presente": help with something that is not the
     * registration (nothing in what follows names it), so no request for help with the bot.
     */
    private static boolean helpWithSomethingElse(String text) {
        if (!text.contains("help") && !text.contains("ajud")) {
            return false;
        }
        Matcher with = HELP_WITH.matcher(text);
        if (!with.find()) {
            return false;
        }
        for (String word : with.group(1).split(" ")) {
            if (OUR_TOPICS.contains(word) || FIELD_WORDS.values().stream().anyMatch(field -> field.contains(word))) {
                return false;
            }
        }
        return true;
    }


    /** "atcually", "corrignido", "msispelled": a long correction word with a slip (short ones are too near others). */
    private static boolean misspeltLongCorrection(Words words) {
        for (String word : words.canonical()) {
            if (word.length() >= 5 && CORRECT.contains(word) && !word.equals("correct")) {
                return true;
            }
        }
        return false;
    }

    /** "qual é o meu e-mail?", "what's my date of birth?": a question about one's own stored field. */
    private static boolean asksAboutOwn(Words words) {
        List<String> raw = words.raw();
        boolean own = raw.contains("meu") || raw.contains("minha") || raw.contains("my") || raw.contains("meus")
                || raw.contains("minhas") || STORED_HERE.matcher(words.text()).find();
        boolean asks = raw.contains("qual") || raw.contains("quais") || raw.contains("what") || raw.contains("whats")
                || raw.contains("which");
        return own && asks;
    }


    /** "fazer meu cadastro", "create an account", "sign me up". */
    private static boolean registers(Words words) {
        List<String> canonical = words.canonical();
        boolean make = canonical.stream().anyMatch(MAKE::contains);
        boolean account = canonical.stream().anyMatch(AN_ACCOUNT::contains);
        boolean signUp = canonical.contains("sign") && (canonical.contains("up") || canonical.contains("me"));
        return signUp || make && account;
    }

    /** "ver meus dados", "o que consta no meu cadastro?", "what do you have on file?". */
    private static boolean shows(Words words) {
        List<String> canonical = withoutDateOfBirth(words.canonical());
        boolean asks = canonical.stream().anyMatch(SHOW::contains)
                || canonical.contains("que") || canonical.contains("como") || canonical.contains("how");
        boolean aboutData = canonical.stream().anyMatch(SHOW_WHAT::contains) || words.text().contains("on file")
                || canonical.contains("my") || canonical.contains("meu") || canonical.contains("meus")
                || canonical.contains("minhas") || canonical.contains("minha");
        if (words.anyOf(SHOW_PHRASE_CUES) && SHOW_PHRASE.matcher(words.text()).find()) {
            return true;
        }
        aboutData = aboutData || STORED_HERE.matcher(words.text()).find(); // "me mostra o endereço que tá aí"
        boolean strong = canonical.stream().anyMatch(SHOW_STRONG::contains);
        boolean terse = canonical.size() <= 3 && canonical.stream().anyMatch(MINE::contains)
                && canonical.stream().anyMatch(MY_DATA::contains);
        return terse || asks && aboutData && (strong || canonical.stream().anyMatch(SHOW_WHAT::contains));
    }

    /** "data" of "data de nascimento" is the field's name (a date), not the English "my data". */
    private static List<String> withoutDateOfBirth(List<String> canonical) {
        List<String> words = new ArrayList<>(canonical);
        for (int i = words.size() - 2; i >= 0; i--) {
            String next = words.get(i + 1);
            if (words.get(i).equals("data") && (next.equals("de") || next.startsWith("nasc"))) {
                words.remove(i);
            }
        }
        return words;
    }

    /**
     * No keyword: the answer to the field being asked (surer when it is a valid value of that field), a value
     * spotted in the text, a number picked from a menu, or something the bot does not deal with.
     */
}
