package dev.wareg.fields;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonNamesTests {

    private final PersonNames names = new PersonNames();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            maria da silva             | Maria da Silva
            '  JOÃO   DOS  SANTOS '    | João dos Santos
            ana-maria o'neil           | Ana-Maria O'Neil
            Ronald McDonald            | Ronald McDonald
            Luíza d'Ávila              | Luíza d'Ávila
            José Jr.                   | José Jr.
            Zoë                        | Zoë
            """)
    void acceptsAndNormalises(String raw, String normalised) {
        assertThat(names.validate(raw)).isEqualTo(Validation.valid(normalised));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                | empty
            A                 | too-short
            maria123          | characters
            maria@silva       | characters
            '<script>'        | characters
            """)
    void refuses(String raw, String reason) {
        assertThat(names.validate(raw)).isEqualTo(Validation.invalid(reason));
    }

    @org.junit.jupiter.api.Test
    void refusesNamesLongerThan120Characters() {
        assertThat(names.validate("a".repeat(121))).isEqualTo(Validation.invalid("too-long"));
        assertThat(names.validate("a".repeat(120))).isInstanceOf(Validation.Valid.class);
    }

    /** Normalising twice changes nothing: a stored name validates to itself, so the chat and the API agree. */
    @Property
    void normalisingIsIdempotent(@ForAll String raw) {
        if (names.validate(raw) instanceof Validation.Valid(String once)) {
            assertThat(names.validate(once)).isEqualTo(Validation.valid(once));
        }
    }

    /** Any two words of letters typed in one case make a valid name, whatever the spacing around them. */
    @Property
    void wordsOfLettersAreAName(@ForAll @AlphaChars @StringLength(min = 2, max = 20) String first,
            @ForAll @AlphaChars @StringLength(min = 2, max = 20) String last) {
        var validation = names.validate("  " + first.toLowerCase() + "   " + last.toLowerCase() + " ");
        assertThat(validation).isInstanceOf(Validation.Valid.class);
        assertThat(((Validation.Valid) validation).value()).doesNotContain("  ").doesNotStartWith(" ");
    }
}
