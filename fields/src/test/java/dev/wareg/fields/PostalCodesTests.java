package dev.wareg.fields;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostalCodesTests {

    private final PostalCodes postalCodes = new PostalCodes();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            01310-100           | 01310-100
            01310100            | 01310-100
            01.310-100          | 01310-100
            '  01310-100 '      | 01310-100
            01310 100           | 01310-100
            '01 310 100'        | 01310-100
            70040-010           | 70040-010
            """)
    void acceptsTheUsualWaysOfWritingItAndHyphenates(String raw, String normalised) {
        assertThat(postalCodes.validate(raw)).isEqualTo(Validation.valid(normalised));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''              | empty
            '   '           | empty
            00000000        | format
            00000-000       | format
            1310-100        | format
            013101000       | format
            01310_100       | format
            01310-1OO       | format
            0131-0100       | format
            CEP 01310-100   | format
            """)
    void refuses(String raw, String reason) {
        assertThat(postalCodes.validate(raw)).isEqualTo(Validation.invalid(reason));
    }

    @Property
    void anyEightDigitsAreOneCodeHoweverWritten(@ForAll @NumericChars @StringLength(8) String digits) {
        Assume.that(!digits.equals("00000000"));
        String hyphenated = digits.substring(0, 5) + "-" + digits.substring(5);
        String dotted = digits.substring(0, 2) + "." + digits.substring(2, 5) + "-" + digits.substring(5);

        assertThat(postalCodes.validate(digits)).isEqualTo(Validation.valid(hyphenated));
        assertThat(postalCodes.validate(dotted)).isEqualTo(Validation.valid(hyphenated));
        assertThat(postalCodes.validate(hyphenated)).isEqualTo(Validation.valid(hyphenated));
    }
}
