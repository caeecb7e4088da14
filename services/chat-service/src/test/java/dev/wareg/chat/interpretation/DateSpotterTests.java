package dev.wareg.chat.interpretation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateSpotterTests {

    private final RulesInterpreter interpreter = new RulesInterpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            17/05/1990                                        | 1990-05-17
            1990-05-17                                        | 1990-05-17
            12/25/1980                                        | 1980-12-25
            21 de abril de 1987                               | 1987-04-21
            21/abr/87                                         | 1987-04-21
            April 21st, 1987                                  | 1987-04-21
            21st of April 1987                                | 1987-04-21
            3 march 90                                        | 1990-03-03
            nasci dia 2 de fevereiro de 1995                  | 1995-02-02
            actually it's May 12 1990, not 1991               | 1990-05-12
            vinte e um de junho de mil novecentos e noventa   | 1990-06-21
            primeiro de maio de 2001                          | 2001-05-01
            october second nineteen seventy seven             | 1977-10-02
            """)
    void readsDatesAsIso(String text, String iso) {
        assertThat(interpreter.interpret(text, "birthDate").values()).containsEntry("birthDate", iso);
    }

    @ParameterizedTest(name = "\"{0}\" is where it came from")
    @CsvSource(delimiter = '|', textBlock = """
            nasci em 21 de abril de 1987, ok?  | 21 de abril de 1987
            born April 21st, 1987               | April 21st, 1987
            """)
    void aDateInTheTextHasASpan(String text, String span) {
        assertThat(interpreter.interpret(text).spans()).containsEntry("birthDate", span);
    }

    @ParameterizedTest(name = "\"{0}\" -> no date")
    @CsvSource(delimiter = '|', textBlock = """
            17/05/20
            17.05.90
            tenho 3 gatos e 2 cachorros
            may I change my email
            """)
    void anAmbiguousTwoDigitYearAndNumbersThatAreNoDateAreNotReadAsOne(String text) {
        assertThat(interpreter.interpret(text).values()).doesNotContainKey("birthDate");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ah blz. 22/11/98   | 1998-11-22
            nasci em 17/05/90  | 1990-05-17
            """)
    void aTwoDigitYearAfterASlashIsReadWhenOnlyOneCenturyIsPlausible(String text, String iso) {
        assertThat(interpreter.interpret(text).values()).containsEntry("birthDate", iso);
    }
}
