package dev.wareg.chat.intentmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.chat.interpretation.Intent;
import dev.wareg.chat.interpretation.Interpretation;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlendedInterpreterTests {

    /** Coefficients of the shape the build fits: the rules' confidence weighs most, the model's vote moves it. */
    private static final BlendCalibration CALIBRATION = new BlendCalibration(new double[] {1.8, 1.0, 0.7, 0});

    private final BlendedInterpreter blend = new BlendedInterpreter((text, asked) -> {
        throw new AssertionError("not read here");
    }, IntentModel.fromClasspath(), CALIBRATION);

    @Test
    void whenBothAgreeTheReadingIsSurerThanWhenTheModelDoubtsIt() {
        Interpretation ruled = ruled(Intent.AFFIRM, 0.9);
        Interpretation agreed = blend.blend(ruled, model(Intent.AFFIRM, 0.95));
        Interpretation doubted = blend.blend(ruled, model(Intent.DENY, 0.9));

        assertThat(agreed.intent()).isEqualTo(Intent.AFFIRM);
        assertThat(doubted.intent()).isEqualTo(Intent.AFFIRM);
        assertThat(agreed.confidence()).isGreaterThan(0.9).isGreaterThan(doubted.confidence());
    }

    @Test
    void aSureModelOverrulesUnsureRulesAndTheRulesValuesStay() {
        Interpretation ruled = new Interpretation(Intent.OUT_OF_SCOPE, 0.4, Set.of("email"),
                Map.of("email", "ana@x.com"), Optional.of(2), Optional.of(Locale.ENGLISH), true);

        Interpretation blended = blend.blend(ruled, model(Intent.HELP, 0.99));

        assertThat(blended.intent()).isEqualTo(Intent.HELP);
        assertThat(blended.confidence()).isGreaterThanOrEqualTo(Interpretation.CONFIDENT);
        assertThat(blended).usingRecursiveComparison().ignoringFields("intent", "confidence").isEqualTo(ruled);
    }

    @Test
    void anUnsureAlternativeDoesNotReplaceTheRulesIntentEvenIfLikelier() {
        Interpretation blended = blend.blend(ruled(Intent.OUT_OF_SCOPE, 0.4), model(Intent.HELP, 0.8));

        assertThat(blended.intent()).as("left to the LLM step, when there is one").isEqualTo(Intent.OUT_OF_SCOPE);
        assertThat(blended.confidence()).isLessThan(Interpretation.CONFIDENT);
    }

    @Test
    void sureRulesStandAgainstAHesitantModel() {
        Interpretation blended = blend.blend(ruled(Intent.UPDATE, 0.97), model(Intent.CORRECT, 0.6));

        assertThat(blended.intent()).isEqualTo(Intent.UPDATE);
        assertThat(blended.confidence()).isGreaterThanOrEqualTo(Interpretation.CONFIDENT);
    }

    @Test
    void theModelNeverBringsInACostlyIntentTheRulesDidNotRead() {
        for (Intent costly : BlendedInterpreter.RULES_ONLY) {
            Interpretation blended = blend.blend(ruled(Intent.OUT_OF_SCOPE, 0.4), model(costly, 0.99));

            assertThat(blended.intent()).isEqualTo(Intent.OUT_OF_SCOPE);
            assertThat(blended.confidence()).as("unsure, so the LLM step may look at it")
                    .isLessThan(Interpretation.CONFIDENT);
        }
    }

    @Test
    void theModelMakesNoAnswerOfAMessageWithoutAValue() {
        Interpretation withoutValue = blend.blend(ruled(Intent.OUT_OF_SCOPE, 0.4), model(Intent.PROVIDE_VALUE, 0.99));
        Interpretation withValue = blend.blend(new Interpretation(Intent.OUT_OF_SCOPE, 0.4, Set.of(),
                Map.of("name", "Ana Lima"), Optional.empty(), Optional.empty(), false),
                model(Intent.PROVIDE_VALUE, 0.99));

        assertThat(withoutValue.intent()).isEqualTo(Intent.OUT_OF_SCOPE);
        assertThat(withValue.intent()).isEqualTo(Intent.PROVIDE_VALUE);
    }

    @Test
    void theConfidenceIsAProbability() {
        for (double rules : new double[] {0, 0.3, 0.7, 1}) {
            for (double model : new double[] {0.06, 0.5, 1}) {
                double confidence = blend.blend(ruled(Intent.GREET, rules), model(Intent.THANKS, model)).confidence();
                assertThat(confidence).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void itReadsWithTheRulesAndTheShippedModel() {
        var interpreter = BlendedInterpreter.fromClasspath((text, asked) -> ruled(Intent.UPDATE, 0.9));

        Interpretation meaning = interpreter.interpret("quero mudar meu e-mail", null);

        assertThat(meaning.intent()).isEqualTo(Intent.UPDATE);
        assertThat(meaning.confidence()).isGreaterThanOrEqualTo(Interpretation.CONFIDENT);
    }

    @Test
    void aChangeOfANamedFieldIsNoRequestToSeeTheDataUnlessTheMessageAsks() {
        Interpretation change = new Interpretation(Intent.UPDATE, 0.85, Set.of("cpf"), Map.of(), Optional.empty(),
                Optional.empty(), false);

        assertThat(blend.blend(change, model(Intent.SHOW_MY_DATA, 0.99)).intent()).isEqualTo(Intent.UPDATE);
    }

    private static Interpretation ruled(Intent intent, double confidence) {
        return new Interpretation(intent, confidence, Set.of(), Map.of(), Optional.empty(), Optional.empty(), false);
    }

    /** The model's probabilities: {@code top} with {@code p}, the rest spread evenly over the other intents. */
    private static IntentProbabilities model(Intent top, double p) {
        double[] byIntent = new double[Intent.values().length];
        java.util.Arrays.fill(byIntent, (1 - p) / (byIntent.length - 1));
        byIntent[top.ordinal()] = p;
        return new IntentProbabilities(byIntent);
    }
}
