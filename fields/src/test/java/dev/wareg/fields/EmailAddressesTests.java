package dev.wareg.fields;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTests {

    private final EmailAddresses emails = new EmailAddresses();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            maria@example.com              | maria@example.com
            '  Maria.Silva@Example.COM  '  | maria.silva@example.com
            mailto:joao+news@empresa.com.br | joao+news@empresa.com.br
            ana@JOSÉ.com.br                | ana@josé.com.br
            o'brien@example.org            | o'brien@example.org
            x@xn--bcher-kva.example        | x@bücher.example
            """)
    void acceptsAndNormalises(String raw, String normalised) {
        assertThat(emails.validate(raw)).isEqualTo(Validation.valid(normalised));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "maria", "maria@", "@example.com", "maria@@example.com", "maria@example", "maria@example.c",
            "maria@-example.com", "maria@example-.com", ".maria@example.com", "maria.@example.com",
            "ma..ria@example.com", "\"maria\"@example.com", "maria silva@example.com", "maria@exa mple.com",
            "maria@example.com.", "maria@example..com", "maria@123.456"})
    void refusesWhatCannotBeAMailbox(String raw) {
        assertThat(emails.validate(raw)).isEqualTo(Validation.invalid("format"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void saysWhenNothingWasGiven(String raw) {
        assertThat(emails.validate(raw)).isEqualTo(Validation.invalid("empty"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            maria@gmial.com      | maria@gmail.com
            maria@gmail.con      | maria@gmail.com
            maria@hotmial.com    | maria@hotmail.com
            maria@yahoo.com.bt   | maria@yahoo.com.br
            maria@outlok.com     | maria@outlook.com
            """)
    void suggestsThePopularDomainOneSlipAway(String raw, String suggestion) {
        assertThat(emails.validate(raw)).isEqualTo(Validation.invalid("typo", suggestion));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@gmail.com", "a@uol.com.br", "a@empresa.com.br", "a@mail.com"})
    void leavesRealDomainsAlone(String raw) {
        assertThat(emails.validate(raw)).isInstanceOf(Validation.Valid.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 100})
    void limitsTheLocalPartTo64Characters(int length) {
        assertThat(emails.validate("a".repeat(length) + "@example.com")).isEqualTo(Validation.invalid("format"));
        assertThat(emails.validate("a".repeat(64) + "@example.com")).isInstanceOf(Validation.Valid.class);
    }

    @Property
    void normalisingTwiceChangesNothing(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String local,
                                        @ForAll @AlphaChars @StringLength(min = 3, max = 20) String domain) {
        if (emails.validate(local + "@" + domain + ".com.br") instanceof Validation.Valid(String once)) {
            assertThat(emails.validate(once)).isEqualTo(Validation.valid(once));
        }
    }
}
