package dev.wareg.chat.interpretation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A name where people put it: opening a list of their values, or said plainly "just Sarah". */
class NamesBesideValuesTests {

    private final RulesInterpreter interpreter = new RulesInterpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Raimundo Nonato Feitosa, cpf 35098172659, fone 85 98844 1221 | Raimundo Nonato Feitosa
            Marco Bianchi, born 1979-05-30, marco.bianchi79@gmail.com    | Marco Bianchi
            """)
    void aCapitalisedNameOpeningAListOfValues(String text, String name) {
        assertThat(interpreter.interpret(text).values()).containsEntry("name", name);
    }

    @ParameterizedTest(name = "\"{0}\" has no name")
    @CsvSource(delimiter = '|', textBlock = """
            MY BAD, THE RIGHT CPF IS 903.203.724-21
            Bom Dia, cpf 35098172659
            São Paulo, SP
            """)
    void wordsOfTheFlowOrAPlaceOpeningAListAreNoName(String text) {
        assertThat(interpreter.interpret(text).values()).doesNotContainKey("name");
    }

    @Test
    void aNameSaidToBeEnough() {
        assertThat(interpreter.interpret("just Sarah is fine", "name").values()).containsEntry("name", "Sarah");
    }

    @Test
    void iAmDoingSomethingIsNoName() {
        var meaning = interpreter.interpret("I'm requesting deletion of my data under the LGPD");
        assertThat(meaning.intent()).isEqualTo(Intent.DELETE_MY_DATA);
        assertThat(meaning.values()).doesNotContainKey("name");
    }

    @Test
    void aDictatedAddressSaidToBeOneWord() {
        assertThat(interpreter.interpret("luzia cavalcante arroba gmail ponto com tudo junto", "email").values())
                .containsEntry("email", "luziacavalcante@gmail.com");
    }

    @ParameterizedTest(name = "\"{0}\" (asked {1}) -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            nao, é Rezende com z. José Carlos Rezende              |       | José Carlos Rezende
            eita escrevi errado, é Wellington Sousa Pimentel com S | email | Wellington Sousa Pimentel
            na verdade é Maria Souza                               |       | Maria Souza
            corrigindo: Gabriela Fontes Araujo                     |       | Gabriela Fontes Araujo
            actually put my full name, Michael James Brown         | email | Michael James Brown
            """)
    void aCorrectedFullNameWithoutItsField(String text, String asked, String name) {
        var meaning = interpreter.interpret(text, asked);
        assertThat(meaning.intent()).isEqualTo(Intent.CORRECT);
        assertThat(meaning.values()).containsEntry("name", name);
    }

    @Test
    void aNameAfterAColon() {
        assertThat(interpreter.interpret("ok full name then: Rajesh Kumar Venkataraman", "name").values())
                .containsEntry("name", "Rajesh Kumar Venkataraman");
    }

    @Test
    void aNameEndsWhereAnotherChangeIsAskedFor() {
        assertThat(interpreter.interpret("corrige meu nome pra Gustavo Henrique Tomazini e bota minha data de "
                + "nascimento 05/02/2001 pfv").values()).containsEntry("name", "Gustavo Henrique Tomazini");
    }

    @ParameterizedTest(name = "\"{0}\" (asked name) -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            pode colocar ai Jefferson Carvalho dos Santos | Jefferson Carvalho dos Santos
            ok thanks. It's Laura Anne Whitfield          | Laura Anne Whitfield
            Priya Ramanathan, P-R-I-Y-A                   | Priya Ramanathan
            vdd esqueci, é Larissa Moura Lins             | Larissa Moura Lins
            """)
    void aNameAnswerWithoutTheWordsAroundIt(String text, String name) {
        assertThat(interpreter.interpret(text, "name").values()).containsEntry("name", name);
    }

    @Test
    void aMissingSurnameIsAChangeOfTheName() {
        var meaning = interpreter.interpret("e aproveitando, meu nome ta sem o sobrenome, coloca Josefa Lima dos Santos");
        assertThat(meaning.intent()).isEqualTo(Intent.UPDATE);
        assertThat(meaning.values()).containsEntry("name", "Josefa Lima dos Santos");
    }
}
