package dev.wareg.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FreeTextTests {

    private final FreeText text = new FreeText(20);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Rua Augusta             | Rua Augusta
            '  Rua   Augusta  '     | Rua Augusta
            Apto 12, Bloco B        | Apto 12, Bloco B
            S/N                     | S/N
            São João d'Aliança      | São João d'Aliança
            """)
    void collapsesSpacing(String raw, String normalised) {
        assertThat(text.validate(raw)).isEqualTo(Validation.valid(normalised));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Apto 12\tBloco B", "Apto 12\r\nBloco B", "Apto 12\u00a0Bloco B", "\u2003Apto 12 \u3000 Bloco B\n"})
    void treatsEveryKindOfWhiteSpaceAsOneSpace(String raw) {
        assertThat(text.validate(raw)).isEqualTo(Validation.valid("Apto 12 Bloco B"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Rua\0Augusta", "Rua \u001b[31mAugusta", "Rua \u202eatsuguA", "Rua\u200bAugusta", "Rua \ud800"})
    void refusesInvisibleCharacters(String raw) {
        assertThat(text.validate(raw)).isEqualTo(Validation.invalid("format"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n", "\u00a0"})
    void saysWhenNothingWasGiven(String raw) {
        assertThat(text.validate(raw)).isEqualTo(Validation.invalid("empty"));
    }

    @Test
    void countsTheLimitInCharactersAfterCollapsingSpaces() {
        assertThat(text.validate("a".repeat(21))).isEqualTo(Validation.invalid("too-long"));
        assertThat(text.validate("a".repeat(20))).isInstanceOf(Validation.Valid.class);
        assertThat(text.validate("  aaaaa     aaaaa     aaaaa  ")).isEqualTo(Validation.valid("aaaaa aaaaa aaaaa"));
        assertThat(text.validate("😀".repeat(20))).isInstanceOf(Validation.Valid.class);
    }

    @Test
    void needsAPositiveLimit() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FreeText(0));
    }

    @Property
    void whatItAcceptsIsTrimmedWithinTheLimitAndStable(@ForAll @StringLength(max = 40) String raw) {
        var outcome = text.validate(raw);

        if (outcome instanceof Validation.Valid(String value)) {
            assertThat(value).isEqualTo(value.strip()).doesNotContain("  ");
            assertThat(value.codePointCount(0, value.length())).isLessThanOrEqualTo(20);
            assertThat(text.validate(value)).isEqualTo(outcome);
        } else {
            assertThat(((Validation.Invalid) outcome).reason()).isIn(Set.of("empty", "too-long", "format"));
        }
    }
}
