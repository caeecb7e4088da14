package dev.wareg.chat.interpretation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Phones, CPFs and CEPs, written, in groups or in words, as the interpreter gives them: canonical. */
class NumberSpotterTests {

    private final RulesInterpreter interpreter = new RulesInterpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            (11) 98765-4321                                                  | +5511987654321
            +55 11 9 8765 4321                                               | +5511987654321
            21 98877 1122                                                    | +5521988771122
            onze nove oito sete seis cinco quatro tres dois um               | +5511987654321
            quarenta e um, nove, nove meia meia dois, tres quatro cinco oito | +5541996623458
            eleven nine eight eight one two three four five six              | +5511988123456
            eleven nine eight oh one two three four five six                 | +5511980123456
            """)
    void readsPhonesAsE164(String text, String phone) {
        assertThat(interpreter.interpret(text, "phone").values()).containsEntry("phone", phone);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            529.982.247-25                                         | 52998224725
            meu cpf: 932 880 407 86                                | 93288040786
            123 456 789 09                                         | 12345678909
            cpf 238.625.511.56                                     | 23862551156
            tres oito seis, nove nove seis, sete oito quatro, meia zero | 38699678460
            """)
    void readsCpfsAsDigits(String text, String cpf) {
        assertThat(interpreter.interpret(text, "cpf").values()).containsEntry("cpf", cpf);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            01310-100                                | 01310100
            meu cep e 80 420 090                     | 80420090
            zero quatro cinco meia sete, zero zero zero | 04567000
            zero two zero one three zero zero one    | 02013001
            """)
    void readsCepsAsDigits(String text, String postalCode) {
        assertThat(interpreter.interpret(text, "postalCode").values()).containsEntry("postalCode", postalCode);
    }

    @Test
    void elevenDigitsAreACpfOnlyWhenTheCheckDigitsSaySo() {
        assertThat(interpreter.interpret("11987654321").values()).containsOnlyKeys("phone");
        assertThat(interpreter.interpret("52998224725").values()).containsOnlyKeys("cpf");
    }

    @Test
    void aValueWrittenInTheTextHasASpanAndOneSaidInWordsHasNone() {
        var written = interpreter.interpret("meu cpf é 529.982.247-25");
        assertThat(written.spans()).containsEntry("cpf", "529.982.247-25");
        var said = interpreter.interpret("onze nove oito sete seis cinco quatro tres dois um", "phone");
        assertThat(said.spans()).doesNotContainKey("phone");
    }
}
