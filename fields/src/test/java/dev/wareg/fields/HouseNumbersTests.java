package dev.wareg.fields;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HouseNumbersTests {

    private final HouseNumbers numbers = new HouseNumbers();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1578          | 1578
            ' 12B '       | 12B
            1578-A        | 1578-A
            km 12         | km 12
            Lote 5 Qd 3   | Lote 5 Qd 3
            s/n           | s/n
            S/N           | s/n
            S/Nº          | s/n
            sn            | s/n
            sem número    | s/n
            sem numero    | s/n
            """)
    void takesNumbersAsAddressesWriteThem(String raw, String stored) {
        assertThat(numbers.validate(raw)).isEqualTo(Validation.valid(stored));
    }

    @ParameterizedTest
    @ValueSource(strings = {"vcs tem loja no rio?", "confirmar", "não sei", "fundos"})
    void refusesTextWithoutADigit(String raw) {
        assertThat(numbers.validate(raw)).isEqualTo(Validation.invalid("no-digit"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789012345678901", "   "})
    void keepsTheLimitsOfOneLineOfText(String raw) {
        assertThat(numbers.validate(raw)).isInstanceOf(Validation.Invalid.class);
    }
}
