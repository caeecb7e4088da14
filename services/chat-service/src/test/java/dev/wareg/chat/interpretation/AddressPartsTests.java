package dev.wareg.chat.interpretation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parts of an address as people run them together, and a city said in passing or as a correction. */
class AddressPartsTests {

    private final RulesInterpreter interpreter = new RulesInterpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}, {2}")
    @CsvSource(delimiter = '|', textBlock = """
            rua jaguarari 3000 lagoa nova natal                               | lagoa nova    | Natal
            av washington soares 3663 casa 14, edson queiroz, fortaleza       | edson queiroz | Fortaleza
            rua das trincheiras numero 410 ali no jaguaribe em joao pessoa ne | jaguaribe     | João Pessoa
            """)
    void aListedCityEndsTheDistrictBeforeIt(String text, String district, String city) {
        assertThat(interpreter.interpret(text, "street").values())
                .containsEntry("district", district).containsEntry("city", city);
    }

    @Test
    void aDistrictNamedAfterACityIsNotSplit() {
        assertThat(interpreter.interpret("rua professor aprigio numero 40 casa 2 bairro alto da boa vista").values())
                .containsEntry("district", "alto da boa vista").doesNotContainKey("city");
    }

    @Test
    void oneUnlistedOrAmbiguousPlaceAfterTheNumberIsLeftUnread() {
        assertThat(interpreter.interpret("rua lauro linhares 589 trindade", "street").values())
                .doesNotContainKeys("city", "district");
    }

    @Test
    void aCityAndItsStateWithAHyphen() {
        assertThat(interpreter.interpret("R. Floriano Peixoto 620, Centro, Campina Grande-PB").values())
                .containsEntry("city", "Campina Grande").containsEntry("state", "PB").containsEntry("district", "Centro");
    }

    @Test
    void complementsInTwoPartsAreOne() {
        assertThat(interpreter.interpret("Avenida Bezerra de Menezes, 1850, Bloco C, Apto 203, São Gerardo").values())
                .containsEntry("complement", "Bloco C, Apto 203");
    }

    @Test
    void aStreetNamedForADate() {
        assertThat(interpreter.interpret("rua 15 de novembro 301 altiplano", "street").values())
                .containsEntry("street", "rua 15 de novembro").containsEntry("number", "301");
    }

    @Test
    void theHouseNumberIsNoComplement() {
        assertThat(interpreter.interpret("meu cep é 59607330 e o numero da casa 45", "postalCode").values())
                .containsEntry("number", "45").doesNotContainKey("complement");
    }

    @Test
    void aCepGroupedAsWrittenBesideAnAddress() {
        assertThat(interpreter.interpret("av prudente de morais 4500 lagoa nova natal rn 59064 630").values())
                .containsEntry("postalCode", "59064630");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            me mudei de joão pessoa pra campina grande, muda aí por favor        | Campina Grande
            I moved from Fortaleza to Natal last month, need to update my address | Natal
            """)
    void aMoveBetweenCitiesIsAnUpdateOfTheCity(String text, String city) {
        var meaning = interpreter.interpret(text);
        assertThat(meaning.intent()).isEqualTo(Intent.UPDATE);
        assertThat(meaning.values()).isEqualTo(Map.of("city", city));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}={2}")
    @CsvSource(delimiter = '|', textBlock = """
            digitei errado, é juazeiro do norte e nao crato | city  | Juazeiro do Norte
            I meant Natal, not Parnamirim                   | city  | Natal
            errei, é RJ e não SP                            | state | RJ
            """)
    void aCorrectedPlaceNamesItsField(String text, String field, String value) {
        var meaning = interpreter.interpret(text);
        assertThat(meaning.intent()).isEqualTo(Intent.CORRECT);
        assertThat(meaning.values()).containsEntry(field, value);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            jampa                                    | João Pessoa
            juazeiro do norte, terra do padim ciço 🙏 | Juazeiro do Norte
            """)
    void aCityAnswerWithoutItsNicknameOrRemark(String text, String city) {
        assertThat(interpreter.interpret(text, "city").values()).containsEntry("city", city);
    }

    @Test
    void aCityAnswerKeepsTheStateAfterIt() {
        assertThat(interpreter.interpret("Curitiba, Paraná state", "city").values())
                .containsEntry("city", "Curitiba").containsEntry("state", "PR");
    }

    @ParameterizedTest(name = "\"{0}\" (asked {1}) -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            bom fim        | district | bom fim
            niteroi mermão | city     | Niterói
            """)
    void aPlaceAnswerWithoutTheWordsAroundIt(String text, String asked, String value) {
        assertThat(interpreter.interpret(text, asked).values()).containsEntry(asked, value);
    }

    @Test
    void movingToAHouseIsNoCity() {
        assertThat(interpreter.interpret("Hi, I moved to a house here in Joinville, how do I update my address?").values())
                .containsEntry("city", "Joinville");
    }

    @Test
    void anEnglishAvenue() {
        assertThat(interpreter.interpret("Avenue Presidente Vargas 2200, Dourados", "street").values())
                .containsEntry("street", "Avenida Presidente Vargas").containsEntry("number", "2200");
    }
}
