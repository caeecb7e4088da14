package dev.wareg.chat.interpretation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A no, read for what it means: a correction with the new value, or an update of another field. */
class CorrectionsTests {

    private final RulesInterpreter interpreter = new RulesInterpreter();

    @ParameterizedTest(name = "\"{0}\" (asked {1}) -> {2} = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            não, meu nome é Rafaela Albuquerque         | name       | name       | Rafaela Albuquerque
            não é yahoo, é outlook: camila@outlook.com  | email      | email      | camila@outlook.com
            nao, o bairro é Tijuca                      | district   | district   | Tijuca
            ops, é RJ e não SP                          | state      | state      | RJ
            quis dizer Niterói, não Nova Iguaçu         | city       | city       | Niterói
            peraí, o cep é 01452-000, não 01452-100     | postalCode | postalCode | 01452000
            errei, é 05/06/1992                         | birthDate  | birthDate  | 1992-06-05
            na verdade nasci em 10/10/1987              |            | birthDate  | 1987-10-10
            actually it's May 12 1990, not 1991         | birthDate  | birthDate  | 1990-05-12
            it should be Porto Alegre, not Canoas       | city       | city       | Porto Alegre
            no, my name is Anna Thompson                | name       | name       | Anna Thompson
            no wait the state is MG                     | state      | state      | MG
            na real o complemento é fundos              | complement | complement | fundos
            """)
    void aNoFollowedByWhatIsRightIsACorrection(String text, String asked, String field, String value) {
        var meaning = interpreter.interpret(text, asked);
        assertThat(meaning.intent()).isEqualTo(Intent.CORRECT);
        assertThat(meaning.values()).containsEntry(field, value);
    }

    /** A surname is part of the name, not the name: the name field is named, and the whole name is asked again. */
    @Test
    void aSurnameNamesTheNameButIsNoName() {
        var meaning = interpreter.interpret("no, my surname is Smith", null);

        assertThat(meaning.targetFields()).containsExactly("name");
        assertThat(meaning.values()).doesNotContainKey("name");
    }

    @ParameterizedTest(name = "\"{0}\" -> update of {1}")
    @CsvSource(delimiter = '|', textBlock = """
            não quero mudar o telefone, só o email          | email
            n quero trocar o telefone, só o email           | email
            I don't want to change the phone, just the email | email
            n é o telefone q eu quero mudar, é o endereço   | address
            not the phone, I want to change the email       | email
            """)
    void aNoToOneFieldAndAYesToAnotherIsAnUpdateOfTheOther(String text, String field) {
        var meaning = interpreter.interpret(text);
        assertThat(meaning.intent()).isEqualTo(Intent.UPDATE);
        assertThat(meaning.targetFields()).containsExactly(field);
    }

    @ParameterizedTest(name = "\"{0}\" (asked {1}) is a no")
    @CsvSource(delimiter = '|', textBlock = """
            não quero mudar o e-mail      |
            não é isso não                |
            não é isso não ❌             | complement
            não quero informar meu nome   | name
            """)
    void aPlainNoStaysANo(String text, String asked) {
        assertThat(interpreter.interpret(text, asked).intent()).isEqualTo(Intent.DENY);
    }

    @Test
    void aCorrectionWordIsACorrectionWithoutAValue() {
        assertThat(interpreter.interpret("errei o sobrenome").intent()).isEqualTo(Intent.CORRECT);
        assertThat(interpreter.interpret("errei o sobrenome").targetFields()).containsExactly("name");
        assertThat(interpreter.interpret("I made a mistake in the zip code").intent()).isEqualTo(Intent.CORRECT);
    }

    @Test
    void aNoAboutSomethingElseThanTheValueThatFollowsIsAnAnswer() {
        var meaning = interpreter.interpret("n tenho email, mas meu whats é 11 97777-1234", "email");
        assertThat(meaning.intent()).isEqualTo(Intent.PROVIDE_VALUE);
        assertThat(meaning.values()).containsOnly(java.util.Map.entry("phone", "+5511977771234"));
    }
}
