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
 * @param values       values spotted in the text, by field name, each as it would be stored ("meu cep é 01310-100" ->
 *                     {@code postalCode=01310100}): ISO dates, E.164 phones, CPF and CEP digits, e-mail with a lower-case domain,
 *                     the state's two-letter code; free text as written, trimmed. A value its field's validator
 *                     refuses is as written, so that the conversation can say what is wrong with it
 * @param choice       a numbered option the person picked ("2", "opção 2"), if that is all they wrote
 * @param language     the language the message is written in, when the words make it clear
 * @param everything   the message is about the whole registration ("atualizar meu cadastro"), not one topic
 * @param spans        where each value came from: field -> the part of the text it was read from ("01310-100");
 *                     absent for a value said in words ("zero um três...") or put together from them
 */
public record Interpretation(
        Intent intent,
        double confidence,
        Set<String> targetFields,
        Map<String, String> values,
        Optional<Integer> choice,
        Optional<Locale> language,
        boolean everything,
        Map<String, String> spans) {

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
        spans = Map.copyOf(spans);
    }

    /** The same reading with no values: what it said is taken elsewhere. */
    public Interpretation withoutValues() {
        return new Interpretation(intent, confidence, targetFields, Map.of(), choice, language, everything, Map.of());
    }

    /** Without spans: an interpreter that does not say where its values came from (a model). */
    public Interpretation(Intent intent, double confidence, Set<String> targetFields, Map<String, String> values,
            Optional<Integer> choice, Optional<Locale> language, boolean everything) {
        this(intent, confidence, targetFields, values, choice, language, everything, Map.of());
    }
}
