package dev.wareg.fields;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
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

    /**
     * The shapes WhatsApp gives for Brazilian mobiles registered before the ninth digit: Meta's {@code wa_id} for
     * many area codes ({@code 553188887777}), as the Cloud API channel passes it on ({@code +553188887777}), and
     * as people still write old numbers. Fixed lines (2 to 5) keep their eight digits.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            +553188887777         | +5531988887777
            553188887777          | +5531988887777
            +55 31 8888-7777      | +5531988887777
            (31) 8888-7777        | +5531988887777
            +556199998888         | +5561999998888
            +558188776655         | +5581988776655
            +556134567890         | +556134567890
            """)
    void aBrazilianMobileWithoutItsNinthDigitIsTheSameNumberWithIt(String raw, String e164) {
        assertThat(phones.validate(raw)).isEqualTo(Validation.valid(e164));
        boolean mobile = !e164.equals("+556134567890");
        assertThat(new PhoneNumbers(true).validate(raw) instanceof Validation.Valid).isEqualTo(mobile);
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

    @Test
    void landlinesAreRefusedOnlyWhereAMobileIsRequired() {
        assertThat(new PhoneNumbers(true).validate("(21) 3456-7890")).isEqualTo(Validation.invalid("landline"));
        assertThat(new PhoneNumbers(true).validate("(11) 98765-4321")).isEqualTo(Validation.valid("+5511987654321"));
        assertThat(phones.validate("(21) 3456-7890")).isEqualTo(Validation.valid("+552134567890"));
    }

    /** Every common way of writing a São Paulo mobile number is judged like its E.164 form, and is that number. */
    @Property
    void everyCommonFormOfAMobileIsTheSameNumber(@ForAll @IntRange(min = 0, max = 99_999_999) int subscriber) {
        String digits = "%08d".formatted(subscriber);
        Validation reference = phones.validate("+55119" + digits);
        String first = digits.substring(0, 4);
        String last = digits.substring(4);
        for (String written : new String[] {"(11) 9" + first + "-" + last, "119" + digits,
                "+55 11 9 " + first + " " + last, "11 9" + first + "." + last}) {
            assertThat(phones.validate(written)).as(written).isEqualTo(reference);
        }
    }

    /** Whatever is written, the validator answers without throwing, and a valid answer is E.164. */
    @Property
    void neverThrowsAndValidMeansE164(@ForAll String raw) {
        if (phones.validate(raw) instanceof Validation.Valid(String value)) {
            assertThat(value).matches("\\+\\d{8,15}");
        }
    }
}
