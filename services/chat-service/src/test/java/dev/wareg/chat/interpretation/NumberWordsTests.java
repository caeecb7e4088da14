package dev.wareg.chat.interpretation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberWordsTests {

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            zero dois dois                                   | 0 2 2
            vinte e um                                       | 21
            nove nove                                        | 9 9
            twenty one                                       | 21
            nine oh two                                      | 9 0 2
            mil novecentos e oitenta e sete                  | 1987
            nineteen eighty seven                            | 19 87
            dois mil e um                                    | 2001
            quarenta e um, nove, nove meia meia dois         | 41 9 9 6 6 2
            vinte e um de junho de mil novecentos e noventa  | 21 de junho de 1990
            october second nineteen seventy seven            | october 2 19 77
            quero um email                                   | quero um email
            oh no                                            | oh no
            tres e meu cep                                   | 3 e meu cep
            """)
    void turnsNumberWordsIntoDigits(String folded, String digits) {
        assertThat(NumberWords.digits(folded)).isEqualTo(digits);
    }
}
