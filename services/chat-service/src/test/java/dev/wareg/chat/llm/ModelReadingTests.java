package dev.wareg.chat.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.chat.interpretation.Intent;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelReadingTests {

    private static final Set<Intent> ALLOWED = EnumSet.of(Intent.UPDATE, Intent.PROVIDE_VALUE, Intent.OUT_OF_SCOPE);
    private static final String MESSAGE = "pode trocar p/ joão da silva, email joao@example.com, cep 01310100";

    @Test
    void aReadingInTheSchemaIsTaken() {
        var reading = ModelReading.check("""
                {"intent": "update", "targetFields": ["name", "email"],
                 "values": {"name": "João da Silva", "email": "joao@example.com"}}""", ALLOWED, MESSAGE);

        assertThat(reading).contains(new ModelReading(Intent.UPDATE, Set.of("name", "email"),
                Map.of("name", "João da Silva", "email", "joao@example.com")));
    }

    @Test
    void valuesAreFoundWhateverTheirPunctuationCaseAndAccents() {
        var reading = ModelReading.check("""
                {"intent": "provide_value", "targetFields": [],
                 "values": {"postalCode": "01310-100", "name": "JOAO DA SILVA"}}""", ALLOWED, MESSAGE);

        assertThat(reading.orElseThrow().values()).containsOnlyKeys("postalCode", "name");
    }

    @Test
    void valuesNotInTheMessageOrRefusedByTheirFieldAreDroppedAndTheRestKept() {
        var reading = ModelReading.check("""
                {"intent": "update", "targetFields": ["email"],
                 "values": {"email": "maria@example.com", "postalCode": "0131", "cpf": "", "city": null}}""",
                ALLOWED, MESSAGE + " 0131");

        assertThat(reading.orElseThrow().values()).isEmpty();
        assertThat(reading.orElseThrow().targetFields()).containsExactly("email");
    }

    @Test
    void missingTargetsAndValuesAreNone() {
        assertThat(ModelReading.check("{\"intent\": \"out_of_scope\"}", ALLOWED, MESSAGE))
                .contains(new ModelReading(Intent.OUT_OF_SCOPE, Set.of(), Map.of()));
    }

    @Test
    void anAnswerOutsideTheSchemaIsDiscardedAsAWhole() {
        for (String content : new String[] {
                "", "update", "[\"update\"]", "{\"intent\": \"update\"", "{}",
                "{\"intent\": \"UPDATE\"}",
                "{\"intent\": \"delete_my_data\"}",
                "{\"intent\": \"cancel\", \"values\": {}}",
                "{\"intent\": 3}",
                "{\"intent\": \"update\", \"targetFields\": [\"password\"]}",
                "{\"intent\": \"update\", \"targetFields\": \"email\"}",
                "{\"intent\": \"update\", \"values\": {\"password\": \"hunter2\"}}",
                "{\"intent\": \"update\", \"values\": {\"email\": [\"joao@example.com\"]}}",
                "{\"intent\": \"update\", \"values\": \"joao@example.com\"}",
                "{\"intent\": \"update\", \"confidence\": 1}"}) {
            assertThat(ModelReading.check(content, ALLOWED, MESSAGE)).as(content).isEmpty();
        }
    }
}
