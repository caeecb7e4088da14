package dev.wareg.fields;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CpfsTests {

    private final Cpfs cpfs = new Cpfs();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            123.456.789-09          | 12345678909
            12345678909             | 12345678909
            '  529.982.247-25  '    | 52998224725
            529 982 247 25          | 52998224725
            123456789-09            | 12345678909
            000.000.001-91          | 00000000191
            """)
    void acceptsFormattedOrBareAndKeepsTheDigits(String raw, String normalised) {
        assertThat(cpfs.validate(raw)).isEqualTo(Validation.valid(normalised));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                  | empty
            '   '               | empty
            123.456.789-08      | check-digits
            123.456.789-90      | check-digits
            529.982.247-52      | check-digits
            111.111.111-11      | repeated-digits
            00000000000         | repeated-digits
            999.999.999-99      | repeated-digits
            1234567890          | format
            123456789012        | format
            123.456.789/09      | format
            123,456,789-09      | format
            abc.def.ghi-jk      | format
            cpf 12345678909     | format
            """)
    void refuses(String raw, String reason) {
        assertThat(cpfs.validate(raw)).isEqualTo(Validation.invalid(reason));
    }

    @Property
    void aBaseWithComputedCheckDigitsIsValidAndRoundTrips(@ForAll @NumericChars @StringLength(9) String base) {
        Assume.that(base.chars().distinct().count() > 1);
        String cpf = withCheckDigits(base);
        String formatted = cpf.substring(0, 3) + "." + cpf.substring(3, 6) + "." + cpf.substring(6, 9) + "-" + cpf.substring(9);

        assertThat(cpfs.validate(formatted)).isEqualTo(Validation.valid(cpf));
        assertThat(cpfs.validate(cpf)).isEqualTo(Validation.valid(cpf));
    }

    @Property
    void changingACheckDigitMakesItInvalid(@ForAll @NumericChars @StringLength(9) String base,
                                           @ForAll @IntRange(min = 9, max = 10) int position,
                                           @ForAll @IntRange(min = 1, max = 9) int change) {
        String cpf = withCheckDigits(base);
        char changed = (char) ('0' + (cpf.charAt(position) - '0' + change) % 10);
        String wrong = cpf.substring(0, position) + changed + cpf.substring(position + 1);

        assertThat(cpfs.validate(wrong)).isEqualTo(Validation.invalid("check-digits"));
    }

    /** The Receita Federal's rule, written out independently of {@link Cpfs}: weights 10..2, then 11..2, mod 11. */
    private static String withCheckDigits(String base) {
        int first = mod11(base, 10);
        int second = mod11(base + first, 11);
        return base + first + second;
    }

    private static int mod11(String digits, int firstWeight) {
        int sum = 0;
        int weight = firstWeight;
        for (char digit : digits.toCharArray()) {
            sum += (digit - '0') * weight--;
        }
        return sum % 11 < 2 ? 0 : 11 - sum % 11;
    }
}
