package dev.wareg.chat.interpretation;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * @param targetFields the fields the message is about ("quero mudar meu e-mail" -> {@code email})
 * @param values       values spotted in the text, by field name ("meu e-mail é a@b.com" -> {@code a@b.com})
 * @param choice       a numbered option the person picked ("2", "opção 2"), if that is all they wrote
 * @param language     the language the message is written in, when the words make it clear
 */
public record Interpretation(
        Intent intent,
        Set<String> targetFields,
        Map<String, String> values,
        Optional<Integer> choice,
        Optional<Locale> language) {

    public Interpretation {
        Objects.requireNonNull(intent, "intent");
        targetFields = Set.copyOf(targetFields);
        values = Map.copyOf(values);
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(language, "language");
    }
}
