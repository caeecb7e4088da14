package dev.wareg.chat.interpretation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The sections of the {@link Lexicon} the rules use, under Java names: the one place that says which section a
 * rule reads. Both languages at once; see the lexicon files for what each holds.
 */
final class Vocabulary {

    private static final Lexicon LEXICON = Lexicon.STANDARD;

    static final Set<String> AFFIRM = LEXICON.words("affirm");
    static final Set<String> DENY = LEXICON.words("deny");
    /** A no only when it opens the message: "no" is also Portuguese for "in the". */
    static final Set<String> DENY_FIRST = LEXICON.words("deny-first");
    static final Set<String> NOT_A_NAME = LEXICON.words("not-a-name");
    static final Set<String> CANCEL = LEXICON.words("cancel");
    static final Set<String> HELP = LEXICON.words("help");
    static final Set<String> GREET = LEXICON.words("greet");
    static final Set<String> GREET_FILLER = LEXICON.words("greet-filler");
    static final Set<String> THANKS = LEXICON.words("thanks");
    static final Set<String> UPDATE = LEXICON.words("update");
    static final Set<String> REGISTER = LEXICON.words("register");
    static final Set<String> DELETE = LEXICON.words("delete");
    static final Set<String> DELETE_WHAT = LEXICON.words("delete-what");
    static final Set<String> CLOSE_ACCOUNT = LEXICON.words("close-account");
    /** Words that name a postal address itself, unlike a verb of moving ("mudei"). */
    static final Set<String> ADDRESS_NOUNS = LEXICON.words("address-nouns");
    static final Set<String> HOUSE_NUMBER_CONTEXT = LEXICON.words("house-number-context");
    static final Set<String> CLOSE_ACCOUNT_WHAT = LEXICON.words("close-account-what");
    static final Set<String> POSSESSIVE = LEXICON.words("possessive");
    static final Set<String> GOODBYE = LEXICON.words("goodbye");
    static final Set<String> UNTIL = LEXICON.words("goodbye-until");
    static final Set<String> SHOW = LEXICON.words("show");
    static final Set<String> SHOW_WHAT = LEXICON.words("show-what");
    static final Set<String> SHOW_STRONG = LEXICON.words("show-strong");
    static final Set<String> MINE = LEXICON.words("show-mine");
    static final Set<String> MY_DATA = LEXICON.words("show-my-data");
    static final Set<String> HUMAN = LEXICON.words("human");
    static final Set<String> BACK = LEXICON.words("back");
    static final Set<String> KEEP = LEXICON.words("keep");
    static final Set<String> CORRECT = LEXICON.words("correct");
    static final Set<String> HELP_SENTENCE = LEXICON.words("help-sentence");
    static final Set<String> CONNECTIVES = LEXICON.words("name-connectives");
    static final Set<String> LEAD_IN_WORDS = LEXICON.words("value-lead-in");
    static final Set<String> OFF_TOPIC = LEXICON.words("off-topic");
    static final Set<String> EVERYTHING = LEXICON.words("everything");
    static final Set<String> QUESTION_OPENERS = LEXICON.words("question-openers");
    static final Set<String> VALUE_LEAD_INS = LEXICON.words("value-lead-in-typos");
    static final Set<String> NOT_TYPOS = LEXICON.words("not-typos");
    static final Set<String> OUR_TOPICS = LEXICON.words("our-topics");
    static final Set<String> MAKE = LEXICON.words("register-make");
    static final Set<String> AN_ACCOUNT = LEXICON.words("register-what");
    static final Set<String> COURTESY_ENDINGS = LEXICON.words("courtesy-endings");
    static final Set<String> POLITE = LEXICON.words("polite");
    static final Set<String> LEADING_FILLERS = LEXICON.words("leading-fillers");
    static final Set<String> TRAILING_FILLERS = LEXICON.words("trailing-fillers");
    static final Set<String> UPDATE_ONLY = LEXICON.words("update-only");
    static final Set<String> ENGLISH = LEXICON.words("en", "language-marker");
    static final Set<String> PORTUGUESE = LEXICON.words("pt-BR", "language-marker");

    /** Field (or topic) -> the words that name it: "endereço" names the address, "número" the house number. */
    static final Map<String, Set<String>> FIELD_WORDS = fieldWords();

    /**
     * The words a slip is read as: a word within one slip of one of five letters or more is read as that keyword.
     * Only the long off-topic words forgive a slip ("weahter"): short ones are too near place names ("Recife" ~
     * "recipe").
     */
    static final Set<String> SLIP_TARGETS = Stream.concat(
            Stream.of(AFFIRM, DENY, CANCEL, HELP, GREET, THANKS, UPDATE, REGISTER, DELETE, DELETE_WHAT, GOODBYE, SHOW,
                    SHOW_WHAT, HUMAN, BACK, KEEP, CORRECT, EVERYTHING, GREET_FILLER, UNTIL, NOT_TYPOS, VALUE_LEAD_INS,
                    DENY_FIRST).flatMap(Set::stream),
            Stream.concat(FIELD_WORDS.values().stream().flatMap(Set::stream),
                    OFF_TOPIC.stream().filter(word -> word.length() >= 7))).collect(Collectors.toUnmodifiableSet());

    /**
     * Every known word, kept as written: the slip targets, the words of the phrases, number words, months and the
     * words of a dictated e-mail ("eight" is no slip of "right", "abril" none of "abrir").
     */
    static final Set<String> KEYWORDS = Stream.of(SLIP_TARGETS, LEXICON.map("numbers").keySet(),
            LEXICON.map("months").keySet(), LEXICON.map("spoken-email").keySet(), phraseWords())
            .flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

    /** The words a value's lead-in is made of, which a slip in the text is read through to find the value. */
    static final Set<String> REPAIRABLE = Stream.of(VALUE_LEAD_INS, LEAD_IN_WORDS, FIELD_WORDS.values().stream()
                    .flatMap(Set::stream).collect(Collectors.toSet()), LEXICON.phraseWords("name-lead-ins"))
            .flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

    /** Word -> the fields (or topics) it names. */
    static final Map<String, List<String>> FIELDS_BY_WORD = fieldsByWord();

    private Vocabulary() {
    }

    /** The words of every phrase: known words, kept as written, and their slips read as them. */
    private static Set<String> phraseWords() {
        return Stream.of("correct-phrases", "meant-phrases", "unsure-phrases", "keep-phrases", "keep-endings",
                "deny-phrases", "affirm-phrases", "goodbye-phrases", "help-phrases", "help-questions", "help-requests",
                "thanks-for", "how-are-you", "cancel-phrases", "human-phrases").flatMap(section -> LEXICON
                .phraseWords(section).stream()).collect(Collectors.toUnmodifiableSet());
    }

    private static Map<String, List<String>> fieldsByWord() {
        Map<String, List<String>> fields = new HashMap<>();
        FIELD_WORDS.forEach((field, words) -> words.forEach(word -> fields.computeIfAbsent(word,
                key -> new ArrayList<>()).add(field)));
        Map<String, List<String>> frozen = new HashMap<>();
        fields.forEach((word, names) -> frozen.put(word, List.copyOf(names)));
        return Map.copyOf(frozen);
    }

    private static Map<String, Set<String>> fieldWords() {
        Map<String, Set<String>> fields = new LinkedHashMap<>();
        for (String file : Lexicon.LANGUAGES) {
            for (String section : LEXICON.sections(file)) {
                if (section.startsWith("field.")) {
                    fields.put(section.substring("field.".length()), LEXICON.words(section));
                }
            }
        }
        return Map.copyOf(fields);
    }
}
