package dev.wareg.chat.interpretation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A city typed without its accents is stored as the place is called; one not listed stays as typed. */
class PlaceNamesTests {

    private final RulesInterpreter interpreter = new RulesInterpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            goiania               | Goiânia
            Belem                 | Belém
            sao jose dos campos   | São José dos Campos
            ji parana             | Ji-Paraná
            Goiânia               | Goiânia
            Teresina              | Teresina
            Ponta Grossa          | Ponta Grossa
            """)
    void aCityAnswerIsStoredWithItsAccents(String typed, String stored) {
        assertThat(interpreter.interpret(typed, "city").values()).containsEntry("city", stored);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Sampa      | São Paulo
            floripa    | Florianópolis
            """)
    void aNicknameStillNamesItsCity(String typed, String stored) {
        assertThat(CanonicalValues.canonical("city", typed)).isEqualTo(stored);
    }
}
