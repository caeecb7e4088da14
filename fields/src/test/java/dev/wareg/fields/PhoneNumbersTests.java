package dev.wareg.fields;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTests {

    private final PhoneNumbers phones = new PhoneNumbers();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            (11) 98765-4321       | +5511987654321
            11987654321           | +5511987654321
            +55 11 9 8765 4321    | +5511987654321
            +5511987654321        | +5511987654321
            (21) 3456-7890        | +552134567890
            +1 650-253-0000       | +16502530000
            """)
    void acceptsBrazilianFormatsAndOutputsE164(String raw, String e164) {
        assertThat(phones.validate(raw)).isEqualTo(Validation.valid(e164));
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "(11) 1234", "+55 00 98765-4321"})
    void refusesNumbersThatCannotExist(String raw) {
        assertThat(phones.validate(raw)).isEqualTo(Validation.invalid("invalid"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "telefone", "12345678901234567890123456789012345678901"})
    void refusesWhatIsNotANumber(String raw) {
        assertThat(phones.validate(raw)).isEqualTo(Validation.invalid("format"));
    }
}
