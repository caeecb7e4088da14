package dev.wareg.fields;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MasksTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            12345678909     | ***.456.789-**
            1234567890      | ***
            ''              | ***
            """)
    void showsOnlyTheMiddleOfACpf(String value, String masked) {
        assertThat(Masks.cpf(value)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            01310-100       | 01310-***
            01310100        | ***
            ''              | ***
            """)
    void showsOnlyTheFirstFiveDigitsOfAPostalCode(String value, String masked) {
        assertThat(Masks.postalCodePrefix(value)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1990-05-12      | 1990-**-**
            12/05/1990      | ***
            ''              | ***
            """)
    void showsOnlyTheYearOfABirthDate(String value, String masked) {
        assertThat(Masks.birthYear(value)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} -> ***")
    @CsvSource({"Rua Augusta", "'Apto 12, Bloco B'", "1500", "''"})
    void hidesEverythingElse(String value) {
        assertThat(Masks.hidden(value)).isEqualTo("***");
    }
}
