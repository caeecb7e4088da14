package dev.wareg.chat.interpretation;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * @param confidence   how sure the interpreter is, from 0 to 1: on the dev set, interpretations above
 *                     {@link #CONFIDENT} were right at least 95 % of the time (see docs/evaluation.md)
 * @param targetFields the topics ("quero mudar meu endereço" -> {@code address}) or, for the parts of an address,
 *                     the fields ("errei o número" -> {@code number}) the message is about
 * @param values       values spotted in the text, by field name ("meu cep é 01310-100" -> {@code postalCode})
 * @param choice       a numbered option the person picked ("2", "opção 2"), if that is all they wrote
 * @param language     the language the message is written in, when the words make it clear
 * @param everything   the message is about the whole registration ("atualizar meu cadastro"), not one topic
 */
public record Interpretation(
        Intent intent,
        double confidence,
        Set<String> targetFields,
        Map<String, String> values,
        Optional<Integer> choice,
        Optional<Locale> language,
        boolean everything) {

    /** At or above this, the rules' reading is taken as it is; below it a model may be consulted. */
    public static final double CONFIDENT = 0.7;

    public Interpretation {
        Objects.requireNonNull(intent, "intent");
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence is between 0 and 1");
        }
        targetFields = Set.copyOf(targetFields);
        values = Map.copyOf(values);
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(language, "language");
    }
}
