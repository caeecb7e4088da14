package dev.wareg.chat.interpretation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a request is about, and the value it already carries. */
class RequestsTests {

    private final RulesInterpreter interpreter = new RulesInterpreter();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            please change my name to Ana Example   | Ana Example
            quero mudar meu nome para Ana Souza    | Ana Souza
            troca meu nome pra Carlos Lima         | Carlos Lima
            """)
    void aNameInsideTheRequestIsTheNewName(String text, String name) {
        var meaning = interpreter.interpret(text, null);

        assertThat(meaning.intent()).isEqualTo(Intent.UPDATE);
        assertThat(meaning.values()).containsEntry("name", name);
    }

    @Test
    void aLeadInIsReadWholeNotAsItsShorterForm() {
        assertThat(interpreter.interpret("meu nome eh Fulano de Tal", null).values())
                .containsEntry("name", "Fulano de Tal");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            I need to fix my email address            | email
            quero trocar meu endereço de e-mail       | email
            mudei meu sobrenome depois do casamento   | name
            """)
    void oneFieldIsNamedByACompoundOrBesideAVerbOfMoving(String text, String field) {
        assertThat(interpreter.interpret(text, null).targetFields()).containsExactly(field);
    }

    @Test
    void movingWithAnAddressWordStillOpensTheAddress() {
        assertThat(interpreter.interpret("mudei de endereço e de email", null).targetFields())
                .contains("address", "email");
    }

    @ParameterizedTest
    @CsvSource({"n 150, 150", "nr. 12B, 12B", "num 7, 7"})
    void aHouseNumberAfterAShortWordAnswersTheNumber(String text, String number) {
        var meaning = interpreter.interpret(text, "number");

        assertThat(meaning.intent()).isEqualTo(Intent.PROVIDE_VALUE);
        assertThat(meaning.values()).containsEntry("number", number);
    }
}
