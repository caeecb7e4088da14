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
 * What the {@link IntentRules} look for: the phrases and word sets of the lexicon each rule reads, compiled once, and
 * the small readings of a message they are made of ("ver meus dados" shows, "remove meus dados" erases the whole, "meu
 * pedido não chegou" says no about one's own thing). Each phrase comes with its cues, words one of which any message
 * it matches has, because a set is cheaper than a pattern.
 */
final class IntentCues {
    static final Lexicon LEXICON = Lexicon.STANDARD;
    static final Pattern HELP_PHRASE = LEXICON.phrasesAnywhere("help-phrases");
    static final Set<String> HELP_PHRASE_CUES = LEXICON.cues("help-phrases");
    /** Confusion about the chat itself, wherever it is: "não sei mexer nisso, o que eu faço?". */
    static final Cued HELP_CONFUSION = Cued.of("help-confusion");
    /** A question about a field rather than a value of it: "o que é CEP?", "pra que vc quer meu cpf?". */
    static final Cued FIELD_QUESTION = Cued.of("field-questions");
    /** An erasure said without a verb and its object: "quero sair da base", "right to be forgotten". */
    static final Cued DELETE_PHRASE = Cued.of("delete-phrases");
    static final Set<String> DELETE_FROM = LEXICON.words("delete-from");
    static final Set<String> DELETE_WHOLE = LEXICON.words("delete-whole");
    static final Cued REGISTER_PHRASE = Cued.of("register-phrases");
    static final Cued THANKS_PHRASE = Cued.of("thanks-phrases");
    /** "o email que vcs tem é antigo, o novo é ...", "I don't use that number anymore": a change. */
    static final Cued REPLACES_OLD = Cued.of("replaces-old");
    /** "apertei errado": a slip of the finger, so back. */
    static final Cued PRESSED_WRONG = Cued.of("pressed-wrong");
    /** "vc é uma pessoa?", "is this a robot?": how the chat works, unless a person is asked for. */
    static final Cued BOT_QUESTION = Cued.of("bot-question");
    static final Set<String> ASKS_FOR_SOMEONE = Set.of("falar", "quero", "chama", "atendente", "talk", "speak",
            "want", "need", "transfer");
    /** Who is writing: "aqui é a filha da dona Cida", "sou técnica de enfermagem", "this is Maria's son". */
    static final Cued INTRODUCTION = Cued.of("introductions");
    static final Pattern REGISTER_ALONE = alone("register-alone");
    static final Pattern DENY_ALONE = alone("deny-alone");
    static final Pattern KEEP_ALONE = alone("keep-alone");
    /** "apaga meu cpf e todos os meus dados", "delete my CPF and all my info": the whole, beside a field. */
    static final Pattern ALL_MY_DATA = Pattern.compile("\\b(?:all|todos|todas)\\s+(?:(?:os|as)\\s+)?(?:my|meus|minhas)\\s+"
            + "(?:data|info|information|details|dados|informacoes)\\b");
    static final Pattern GOODBYE_ALONE = alone("goodbye-alone");
    static final Pattern CANCEL_ALONE = alone("cancel-alone");
    /** A change said as news: "tô com número novo", "o antigo não uso mais", "got a new phone". */
    static final Cued UPDATE_PHRASE = Cued.of("update-phrases");
    static final Cued SHOW_PHRASE = Cued.of("show-phrases");
    /** "antes de mudar, quero ver o que tá aí": to see first. */
    static final Cued SHOW_BEFORE_CHANGE = Cued.of("show-before-change");
    static final Cued SHOW_OWN_DATA = Cued.of("show-own-data");
    /** What was just asked, as a question names it: "pra que isso?", "why do you need this?". */
    static final Set<String> THIS = Set.of("isso", "isto", "this", "that");
    /** A yes that opens a short answer whatever follows it: "sim, pode excluir", "yes go ahead". */
    static final Set<String> STRONG_YES = Set.of("sim", "yes", "claro", "yep", "yeah", "isso");
    /** Words before a letter of a name's spelling: "com dois n", "with two n's". */
    static final Set<String> SPELLED_AFTER = Set.of("dois", "duas", "two", "double");
    /** What follows "forget" or "esquece" when it gives up rather than erases: "forget it", "esquece isso". */
    static final Set<String> FORGET = Set.of("forget", "esquece", "esqueca");
    static final Set<String> FORGET_IT = Set.of("it", "that", "about", "isso", "tudo", "aquilo");
    static final Set<String> PARTS_OF_DAY = Set.of("dia", "tarde", "noite", "morning", "afternoon", "evening");
    static final Set<String> SEE = Set.of("ver", "saber", "conferir", "olhar", "see", "show", "look", "check", "view");
    /** What is stored, named by where it is: "qual data tá aí?", "the address you have on file". */
    static final Cued STORED_HERE = Cued.of("stored-here");
    /** Where a wrong value is: "o email tá errado no cadastro" asks to change what is stored, not an answer. */
    static final Cued STORED_WRONG = Cued.of("stored-wrong");
    static final Pattern STATED_WRONG = Pattern.compile("\\b(?:ta|esta|thats|that s|its|it s|is) (?:errad[oa]|wrong)\\b");
    static final Set<String> NEGATIONS = Set.of("nao", "not", "dont", "never", "nunca");
    static final Pattern UNSURE_PHRASE = LEXICON.phrasesAnywhere("unsure-phrases");
    static final Pattern CORRECT_AS_YES = LEXICON.phrasesAnywhere("correct-as-yes");
    static final Pattern CANCEL_PHRASE = LEXICON.phrasesAnywhere("cancel-phrases");
    static final Set<String> CANCEL_CUES = LEXICON.cues("cancel-phrases");
    static final Pattern HUMAN_PHRASE = LEXICON.phrasesAnywhere("human-phrases");
    static final Set<String> HUMAN_CUES = LEXICON.cues("human-phrases");
    static final Pattern DENY_PHRASE = LEXICON.phrasesAnywhere("deny-phrases");
    static final Set<String> DENY_CUES = LEXICON.cues("deny-phrases");
    static final Pattern KEEP_PHRASE = Pattern.compile("\\b" + LEXICON.phrases("keep-phrases") + "\\b|\\b"
            + LEXICON.phrases("keep-endings") + "$");
    static final Set<String> KEEP_CUES = union(LEXICON.cues("keep-phrases"),
            LEXICON.cues("keep-endings"));
    static final Pattern REST_STAYS = LEXICON.phrasesAnywhere("rest-stays");
    /** "o nome certo é ...", "o correto é ...": a correction, not a yes. */
    static final Pattern CORRECTION_PHRASE = LEXICON.phrasesAnywhere("correct-phrases");
    static final Set<String> CORRECTION_CUES = LEXICON.cues("correct-phrases");
    /** "quis dizer 42", "I meant Ana": a correction, unless denied ("não é isso que eu quis dizer" is a no). */
    static final Pattern MEANT_PHRASE = LEXICON.phrasesAnywhere("meant-phrases");
    static final Set<String> MEANT_CUES = LEXICON.cues("meant-phrases");
    /** A yes in so many words, the whole message: "pode ser", "go ahead", "sim, isso mesmo". */
    static final Pattern AFFIRM_PHRASE = Pattern.compile("^(?:" + LEXICON.phrases("affirm-openers") + "\\s+)*"
            + LEXICON.phrases("affirm-phrases") + "(?:\\s+(?:" + LEXICON.phrases("affirm-phrases") + "|"
            + LEXICON.phrases("affirm-closers") + "))*$");
    static final Pattern GOODBYE_PHRASE = LEXICON.phrasesAnywhere("goodbye-phrases");
    static final Pattern THANKS_FOR = LEXICON.phrasesAnywhere("thanks-for");
    static final Set<String> AFFIRM_WEAK = LEXICON.words("affirm-weak");
    /**
     * Asking how to go on: open questions ("o que eu faço", "how do I use") only when they end the message ("o que
     * eu faço no domingo?" is about something else), requests for help and confusion wherever they are.
     */
    static final Pattern HELP_QUESTION = Pattern.compile("\\b(?:" + LEXICON.phrases("help-questions")
            + "(?: " + LEXICON.phrases("help-question-closers") + ")*$|" + LEXICON.phrases("help-requests") + "|"
            + LEXICON.phrases("help-confusion") + ")\\b");
    static final Set<String> HELP_QUESTION_CUES = union(union(LEXICON.cues("help-questions"),
            LEXICON.cues("help-requests")), HELP_CONFUSION.cues());
    /** "tudo bem?", "how are you?": small talk, not a yes. */
    static final Pattern HOW_ARE_YOU = Pattern.compile(LEXICON.phrases("how-are-you"));
    static final Pattern HELP_WITH = Pattern.compile(
            "\\b(?:help(?: me)?|ajuda(?:r)?(?: me)?|me ajud[ae]) (?:with|com|a|to|pra|para|em|on|in|find|escolher|achar|fazer) (.+)$");


    private IntentCues() {
    }


    /**
     * "remove meus dados", "delete my account", "tira meu nome e meus dados de tudo": the whole named right after the
     * verb, or as one's own a few words on, whatever else is named.
     */
    static boolean erasesTheWhole(Words words, int delete) {
        List<String> canonical = words.canonical();
        for (int i = delete + 1; i < Math.min(canonical.size(), delete + 7); i++) {
            if (DELETE_WHOLE.contains(canonical.get(i)) && (i <= delete + 2 || MINE.contains(canonical.get(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** "não quero ser esquecido", "don't delete me": a no in the two words before. */
    static boolean negatedBefore(String text, int start) {
        String[] before = text.substring(0, start).strip().split(" ");
        for (int i = Math.max(0, before.length - 2); i < before.length; i++) {
            if (NEGATIONS.contains(before[i])) {
                return true;
            }
        }
        return false;
    }

    /** "meu pedido não chegou": a no about one's own thing, not an answer no. */
    static boolean ownBefore(Words words, int negation) {
        for (String word : words.raw().subList(0, negation)) {
            if (POSSESSIVE.contains(word) || word.equals("my")) {
                return true;
            }
        }
        return false;
    }

    /** A yes that opens or closes a short message: "claro que sim", "pode sim"; not "meu chip tá bloqueado". */
    static boolean affirmAtAnEdge(Words words) {
        List<String> canonical = words.canonical();
        return !canonical.isEmpty() && (AFFIRM.contains(canonical.getFirst()) || AFFIRM.contains(canonical.getLast()));
    }

    /** "quis dizer Niterói, não Nova Iguaçu": a correction, unless a no comes first ("não é isso que eu quis dizer"). */
    static boolean meant(Words words, int negation) {
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
    static boolean helpWithSomethingElse(String text) {
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
    static boolean misspeltLongCorrection(Words words) {
        for (String word : words.canonical()) {
            if (word.length() >= 5 && CORRECT.contains(word) && !word.equals("correct")) {
                return true;
            }
        }
        return false;
    }

    /** "qual é o meu e-mail?", "what's my date of birth?": a question about one's own stored field. */
    static boolean asksAboutOwn(Words words) {
        List<String> raw = words.raw();
        boolean own = raw.contains("meu") || raw.contains("minha") || raw.contains("my") || raw.contains("meus")
                || raw.contains("minhas") || STORED_HERE.in(words);
        boolean asks = raw.contains("qual") || raw.contains("quais") || raw.contains("what") || raw.contains("whats")
                || raw.contains("which");
        return own && asks;
    }


    /**
     * "... finalmente alguém responde kkkk oi", "... bom dia": a greeting that ends the message as written (not a slip
     * read as one: "salva" is no "salve"), not "de dia", "tá bom".
     */
    static boolean greetingLast(List<String> words) {
        String last = words.getLast();
        return GREET.contains(last) && !last.equals("bom") && !last.equals("boa") // "tá bom" is a yes
                && (!PARTS_OF_DAY.contains(last) || GREET.contains(words.get(words.size() - 2)));
    }

    /** "n 45": the short word of a house number, not a no. */
    static boolean houseNumberAfter(Words words, int at) {
        List<String> raw = words.raw();
        return raw.get(at).equals("n") && at + 1 < raw.size() && Character.isDigit(raw.get(at + 1).charAt(0));
    }

    /** "fazer meu cadastro", "create an account", "sign me up". */
    static boolean registers(Words words) {
        List<String> canonical = words.canonical();
        boolean make = canonical.stream().anyMatch(MAKE::contains);
        boolean account = canonical.stream().anyMatch(AN_ACCOUNT::contains);
        boolean signUp = canonical.contains("sign") && (canonical.contains("up") || canonical.contains("me"));
        return signUp || make && account;
    }

    /** "ver meus dados", "o que consta no meu cadastro?", "what do you have on file?". */
    static boolean shows(Words words) {
        List<String> canonical = withoutDateOfBirth(words.canonical());
        boolean asks = canonical.stream().anyMatch(SHOW::contains)
                || canonical.contains("que") || canonical.contains("como") || canonical.contains("how");
        boolean aboutData = canonical.stream().anyMatch(SHOW_WHAT::contains) || words.text().contains("on file")
                || canonical.contains("my") || canonical.contains("meu") || canonical.contains("meus")
                || canonical.contains("minhas") || canonical.contains("minha");
        if (SHOW_PHRASE.in(words)) {
            return true;
        }
        aboutData = aboutData || STORED_HERE.in(words); // "me mostra o endereço que tá aí"
        boolean strong = canonical.stream().anyMatch(SHOW_STRONG::contains);
        boolean terse = canonical.size() <= 3 && canonical.stream().anyMatch(MINE::contains)
                && canonical.stream().anyMatch(MY_DATA::contains);
        return terse || asks && aboutData && (strong || canonical.stream().anyMatch(SHOW_WHAT::contains));
    }

    /** "data" of "data de nascimento" is the field's name (a date), not the English "my data". */
    static List<String> withoutDateOfBirth(List<String> canonical) {
        List<String> words = new ArrayList<>(canonical);
        for (int i = words.size() - 2; i >= 0; i--) {
            String next = words.get(i + 1);
            if (words.get(i).equals("data") && (next.equals("de") || next.startsWith("nasc"))) {
                words.remove(i);
            }
        }
        return words;
    }

    /** A phrase section of the lexicon with its cues: words one of which every text it matches has. */
    record Cued(Pattern pattern, Set<String> cues) {

        static Cued of(String section) {
            return new Cued(LEXICON.phrasesAnywhere(section), LEXICON.cues(section));
        }

        /** Whether the words say one of the phrases; the set is checked first, as it is cheaper than the pattern. */
        boolean in(Words words) {
            return words.anyOf(cues) && pattern.matcher(words.text()).find();
        }

        /** Where the first phrase said starts, or -1. */
        int start(Words words) {
            if (!words.anyOf(cues)) {
                return -1;
            }
            Matcher said = pattern.matcher(words.text());
            return said.find() ? said.start() : -1;
        }
    }

    /** A section of phrases each of which is a whole message ("para", "nem"): they mean more inside a sentence. */
    private static Pattern alone(String section) {
        return Pattern.compile("^" + LEXICON.phrases(section) + "$");
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet());
    }
}
