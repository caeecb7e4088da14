package dev.wareg.chat.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.chat.interpretation.Intent;
import dev.wareg.chat.interpretation.Interpretation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutOfTurnValuesTests {

    private final FormSchema schema = new FormSchema(Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC),
            postalCode -> Optional.empty());
    private final OutOfTurnValues outOfTurn = new OutOfTurnValues(schema);

    @Test
    void aValueLabelledForAnotherFieldGoesThereAndTheWholeMessageIsNoAnswerToTheFieldAsked() {
        var meaning = reading(Set.of("email"), Map.of("email", "joao@gmail.com", "name", "meu email é joao@gmail.com"));

        var placement = outOfTurn.place(registration("name"), meaning);

        assertThat(placement.elsewhere()).containsExactly("email");
        assertThat(placement.meaning().values()).containsOnlyKeys("email");
    }

    @Test
    void aValueTheFieldAskedRefusesGoesToTheFieldItWasSpottedForEvenUnlabelled() {
        var meaning = reading(Set.of(), Map.of("postalCode", "01310-100", "name", "01310-100"));

        assertThat(outOfTurn.place(registration("name"), meaning).elsewhere()).containsExactly("postalCode");
    }

    @Test
    void aValidAnswerLeavesUnlabelledValuesToTheForm() {
        var meaning = reading(Set.of(), Map.of("complement", "apto 42", "number", "42"));

        var placement = outOfTurn.place(update("complement"), meaning);

        assertThat(placement.elsewhere()).isEmpty();
        assertThat(placement.meaning()).isSameAs(meaning);
    }

    @Test
    void theRestOfTheTopicAskedBesideTheAnswerGoesToItsFields() {
        var meaning = reading(Set.of("postalCode", "street"), Map.of("postalCode", "29015-000", "street",
                "rua sete de setembro", "number", "230", "district", "centro", "city", "Vitória", "state", "ES"));

        var placement = outOfTurn.place(update("postalCode", "street", "number", "district", "city", "state"), meaning);

        assertThat(placement.elsewhere()).containsExactly("street", "number", "district", "city", "state");
    }

    @Test
    void aValidAnswerBesideALabelledValueIsKeptAndTheLabelledValueGoesToItsField() {
        var meaning = reading(Set.of("number"), Map.of("postalCode", "01310-100", "number", "1578"));

        var placement = outOfTurn.place(update("postalCode", "number"), meaning);

        assertThat(placement.elsewhere()).containsExactly("number");
        assertThat(placement.meaning().values()).containsOnlyKeys("postalCode", "number");
    }

    @Test
    void aFreeTextFieldDoesNotTakeTheWholeMessageAroundAValueLabelledForAnotherField() {
        var meaning = reading(Set.of("address"), Map.of("street", "meu cep é 01310-100", "postalCode", "01310-100"));

        var placement = outOfTurn.place(update("street"), meaning);

        assertThat(placement.elsewhere()).containsExactly("postalCode");
        assertThat(placement.meaning().values()).containsOnlyKeys("postalCode");
    }

    @Test
    void aRegistrationTakesNoPhoneItStartsFromTheSendersNumber() {
        var meaning = reading(Set.of("phone"), Map.of("phone", "+5511987654321", "email", "meu telefone é 11 98765-4321"));

        assertThat(outOfTurn.place(registration("email"), meaning).elsewhere()).isEmpty();
        assertThat(outOfTurn.place(update("email"), meaning).elsewhere()).containsExactly("phone");
    }

    /** A reading of values typed as they are: each one's span is the value itself. */
    private static Interpretation reading(Set<String> targets, Map<String, String> values) {
        return new Interpretation(Intent.PROVIDE_VALUE, 0.9, targets, values, Optional.empty(), Optional.empty(), false,
                values);
    }

    private static Conversation registration(String... fields) {
        return Conversation.start("web-chat", "+5511987654321", Locale.forLanguageTag("pt-BR"), Instant.EPOCH)
                .collecting(List.of(fields), Map.of(), false);
    }

    private static Conversation update(String... fields) {
        var account = new AccountSnapshot(UUID.fromString("00000000-0000-7000-8000-000000000001"), 3,
                Map.of("name", "Maria da Silva"));
        return Conversation.start("web-chat", "+5511987654321", Locale.forLanguageTag("pt-BR"), Instant.EPOCH)
                .choosingField(account).collecting(List.of(fields), Map.of(), false);
    }
}
