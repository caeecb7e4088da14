package dev.wareg.chat.intentmodel;

import dev.wareg.chat.interpretation.Intent;
import dev.wareg.chat.interpretation.Interpretation;
import dev.wareg.chat.interpretation.Interpreter;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules and the trained {@link IntentModel} as one reader with one calibrated confidence. Both read the
 * message; the candidates are the rules' intent and the model's most likely one; each gets the probability of being
 * right from the {@link BlendCalibration}, and the likelier wins, with that probability as its confidence. Everything
 * else (values, topics, the numbered choice, the language) is the rules' reading: the model knows only intents.
 * <p>
 * The model's intent replaces the rules' only when it is itself sure ({@link Interpretation#CONFIDENT} or more): when
 * both are unsure, the rules' intent stays, with its low confidence, for the LLM step to settle if there is one. A
 * switch on any likelier candidate gained 0.6 points of accuracy on the dev split, but acted without an LLM on guesses
 * of 0.4 ("quero informar meu cpf" read as "show my data") and broke three dialogue stories.
 * <p>
 * The model may not bring in an intent whose mistake costs much ({@link #RULES_ONLY}: an erasure request, a
 * hand-off, a cancellation that drops the values collected, a yes that applies a change, a no, a goodbye or a keep
 * that drops one) when the rules did not read it: the intents a local LLM may not choose alone (see
 * {@code RulesFirstInterpreter}), and a no, a goodbye or a keep, which the rules read well and the model guesses from
 * letters ("Nadia" asked whether to sign up is no "nada"; "ontem" asked the birth date keeps nothing).
 * A reading passed on to the LLM step is still one the rules vouch for. The model's vote still moves the confidence: a rules' "sim" the
 * model doubts gets a lower one, and may be passed to the LLM. Nor may it turn a message into an answer
 * ({@code provide_value}) when the rules found no value in it: the model knows intents, not values, and an answer
 * without a value is nothing to store ("sei lá" asked for the name).
 */
public final class BlendedInterpreter implements Interpreter {

    /** Intents the model may pick only when the rules read them too. */
    public static final Set<Intent> RULES_ONLY =
            EnumSet.of(Intent.DELETE_MY_DATA, Intent.HUMAN, Intent.CANCEL, Intent.AFFIRM, Intent.DENY, Intent.GOODBYE,
            Intent.KEEP);

    private static final Set<Intent> CHANGES = EnumSet.of(Intent.UPDATE, Intent.CORRECT);
    /** A question without its mark: "what's my registered email, I forgot", "qual cpf tá aí". */
    private static final Pattern QUESTION_OPENING = Pattern.compile(
            "\\s*(?:what|what'?s|which|where|qual|quais|q|que|o\\s+que|onde)\\b", Pattern.CASE_INSENSITIVE);

    private final Interpreter rules;
    private final IntentModel model;
    private final BlendCalibration calibration;

    public BlendedInterpreter(Interpreter rules, IntentModel model, BlendCalibration calibration) {
        this.rules = rules;
        this.model = model;
        this.calibration = calibration;
    }

    /** The rules given, with the model and the calibration the build made (fails if the build did not). */
    public static BlendedInterpreter fromClasspath(Interpreter rules) {
        return new BlendedInterpreter(rules, IntentModel.fromClasspath(), BlendCalibration.fromClasspath());
    }

    @Override
    public Interpretation interpret(String text, String askedField) {
        Interpretation ruled = rules.interpret(text, askedField);
        return blend(ruled, model.probabilities(text, askedField),
                text.indexOf('?') >= 0 || QUESTION_OPENING.matcher(text).lookingAt());
    }

    /** The rules' reading with the intent and confidence the calibration prefers. */
    Interpretation blend(Interpretation ruled, IntentProbabilities modelled) {
        return blend(ruled, modelled, false);
    }

    /** @param question whether the message asks something: a request to see the data may then be the model's */
    private Interpretation blend(Interpretation ruled, IntentProbabilities modelled, boolean question) {
        Intent chosen = ruled.intent();
        double confidence = calibration.probability(candidate(ruled, modelled, chosen));
        Intent alternative = modelled.top();
        if (alternative != chosen && mayBringIn(alternative, ruled, question)) {
            double other = calibration.probability(candidate(ruled, modelled, alternative));
            if (other > confidence && other >= Interpretation.CONFIDENT) {
                chosen = alternative;
                confidence = other;
            }
        }
        return new Interpretation(chosen, confidence, ruled.targetFields(), ruled.values(), ruled.choice(),
                ruled.language(), ruled.everything(), ruled.spans());
    }

    /**
     * Not an intent the rules alone read; not a value where the rules found none; and, in a message that asks
     * nothing, not a request to see the data where the rules read a change of a field they name ("o cpf que tá no meu
     * cadastro tá errado": the words of what is stored are the model's cue for seeing it, the wrong value the rules'
     * for changing it; "q cpf tá no meu cadastro? acho q botaram errado" asks to see it).
     */
    private static boolean mayBringIn(Intent alternative, Interpretation ruled, boolean question) {
        return !RULES_ONLY.contains(alternative) && (alternative != Intent.PROVIDE_VALUE || !ruled.values().isEmpty())
                && (question || alternative != Intent.SHOW_MY_DATA || !CHANGES.contains(ruled.intent())
                || ruled.targetFields().isEmpty());
    }

    /** The calibration's features of one candidate intent. */
    static double[] candidate(Interpretation ruled, IntentProbabilities modelled, Intent intent) {
        boolean fromRules = intent == ruled.intent();
        double rules = fromRules ? ruled.confidence() : (1 - ruled.confidence()) / (Intent.values().length - 1);
        return BlendCalibration.features(rules, modelled.of(intent), fromRules && intent == modelled.top());
    }
}
