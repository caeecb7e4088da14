package dev.wareg.chat.interpretation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhrasesTests {

    @ParameterizedTest(name = "\"{0}\" matches \"{1}\": {2}")
    @CsvSource(delimiter = ';', textBlock = """
            o que {eu|} faco ; o que faco ; true
            o que {eu|} faco ; o que eu faco ; true
            o que {eu|} faco ; o que tu faco ; false
            {ta|esta} {bom|otimo} assim ; esta otimo assim ; true
            leave {it|} blank ; leave blank ; true
            leave {it|} blank ; leave it blank ; true
            how {do i|to} use {this|it|} ; how to use ; true
            how {do i|to} use {this|it|} ; how do i use it ; true
            {i m|im} lost ; im lost ; true
            name : ; name : ; true
            """)
    void aPhraseIsWordsWithAlternativesAndOptionalWords(String phrase, String text, boolean matches) {
        assertThat(Pattern.compile("^" + Phrases.regex(phrase) + "$").matcher(text).matches()).isEqualTo(matches);
    }
}
