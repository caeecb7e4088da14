package dev.wareg.chat.interpretation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.fields.Field;
import dev.wareg.fields.RegistrationFields;
import dev.wareg.fields.Validation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The rules' interpreter under generated messages: any characters (unpaired surrogates, controls, scripts beyond
 * Latin), emoji, messages as long as the chat takes (1,000 characters, {@code wareg.chat.max-message-length}), and
 * the real utterances of the corpus, the stories and the lexicon's examples ({@link LexiconTests#utterances()})
 * bent: characters inserted, dropped or changed, cases swapped, accents stripped or doubled, two run together.
 * Whatever it reads, it never throws, names one intent with a confidence from 0 to 1, and names only fields that
 * exist, with values their fields can judge. Tries: {@code jqwik.tries.default} (500 in
 * {@code junit-platform.properties}; the long run of docs/security.md, "Fuzzing", sets more).
 */
class RulesInterpreterFuzzTests {

    private static final int LONGEST_MESSAGE = 1000;
    private static final List<String> UTTERANCES = utterances();
    private static final Set<String> FIELDS = Stream.concat(RegistrationFields.ASKED.stream().map(Field::name),
            Stream.of("phone")).collect(Collectors.toSet());
    /** What a message may be about: a field, or the address as a whole. */
    private static final Set<String> TOPICS = Stream.concat(FIELDS.stream(), Stream.of("address"))
            .collect(Collectors.toSet());

    private final RulesInterpreter interpreter = new RulesInterpreter();

    private static List<String> utterances() {
        try {
            return List.copyOf(LexiconTests.utterances());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<String> messages() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, bentUtterances()),
                Tuple.of(2, Arbitraries.strings().ofMaxLength(60)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(60)),
                Tuple.of(1, Arbitraries.integers().between(0x1F300, 0x1FAFF).list().ofMaxSize(10)
                        .map(points -> points.stream().map(Character::toString).collect(Collectors.joining(" ")))),
                Tuple.of(1, Arbitraries.strings().ofMinLength(LONGEST_MESSAGE - 100).ofMaxLength(LONGEST_MESSAGE)),
                Tuple.of(1, Combinators.combine(Arbitraries.of(UTTERANCES), Arbitraries.integers().between(2, 200))
                        .as((utterance, times) -> (utterance + " ").repeat(times))
                        .map(text -> text.substring(0, Math.min(text.length(), LONGEST_MESSAGE)))));
    }

    /** The field the conversation asks, or null; the interpret endpoint passes on whatever it is sent. */
    @Provide
    Arbitrary<String> askedFields() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(TOPICS.stream().sorted().toList())),
                Tuple.of(2, Arbitraries.just(null)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(20)));
    }

    @Property
    void anyMessageIsReadWithoutThrowingAsOneIntentWithValuesOfExistingFields(@ForAll("messages") String text) {
        isSound(interpreter.interpret(text), null);
    }

    @Property
    void anyAnswerToAnyFieldAskedIsReadWithoutThrowing(@ForAll("messages") String text,
                                                       @ForAll("askedFields") String askedField) {
        isSound(interpreter.interpret(text, askedField), askedField);
    }

    // The field asked may be any name (the interpret endpoint passes on what it is sent); an answer to one that is no
    // field is kept under that name.
    private static void isSound(Interpretation reading, String askedField) {
        assertThat(reading.intent()).isNotNull();
        assertThat(reading.confidence()).isBetween(0.0, 1.0);
        assertThat(reading.targetFields()).isSubsetOf(TOPICS);
        assertThat(reading.values().keySet()).allSatisfy(name -> assertThat(name).isIn(
                Stream.concat(FIELDS.stream(), Stream.ofNullable(askedField)).toList()));
        assertThat(reading.spans().keySet()).isSubsetOf(reading.values().keySet());
        reading.choice().ifPresent(choice -> assertThat(choice).isBetween(0, 99));
        // A value its field refuses is passed on as written (a blank message is a blank answer to the field asked), so
        // that the conversation can say what is wrong with it: what holds for every value is that its field judges it.
        reading.values().forEach((name, value) -> {
            assertThat(value).as(name).isNotNull();
            assertThat(FIELDS.contains(name) ? field(name).validate(value) : Validation.valid(value)).as(name).isInstanceOfAny(Validation.Valid.class,
                    Validation.Invalid.class);
        });
    }

    private static Field field(String name) {
        return name.equals("phone") ? RegistrationFields.PHONE : RegistrationFields.byName(name).orElseThrow();
    }

    /** A real utterance with a few characters inserted, dropped or changed, its case or accents bent, or doubled. */
    private static Arbitrary<String> bentUtterances() {
        Arbitrary<Character> noise = Arbitraries.oneOf(Arbitraries.chars().all(),
                Arbitraries.of(' ', '\u0301', '\u0303', '\u200B', '\u00A0', '?', '!', '.', ',', '@', '-', '/', '0',
                        '9', 'ç', 'ã', 'é', 'k', '\n', '\t'));
        return Combinators.combine(Arbitraries.of(UTTERANCES), Arbitraries.of(UTTERANCES),
                        Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMaxSize(4), noise,
                        Arbitraries.integers().between(0, 5))
                .as((utterance, other, positions, character, bend) -> {
                    var text = new StringBuilder(switch (bend) {
                        case 0 -> utterance.toUpperCase();
                        case 1 -> java.text.Normalizer.normalize(utterance, java.text.Normalizer.Form.NFD);
                        case 2 -> utterance + " " + other;
                        case 3 -> utterance.replaceAll("\\s+", "");
                        default -> utterance;
                    });
                    for (int position : positions) {
                        int at = text.isEmpty() ? 0 : position % text.length();
                        switch (position % 3) {
                            case 0 -> text.insert(at, character);
                            case 1 -> {
                                if (!text.isEmpty()) {
                                    text.deleteCharAt(at);
                                }
                            }
                            default -> {
                                if (!text.isEmpty()) {
                                    text.setCharAt(at, character);
                                }
                            }
                        }
                    }
                    return text.toString();
                });
    }
}
