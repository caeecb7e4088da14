package dev.wareg.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TranscriptMaskTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "meu email é maria@exemplo.com.br       | meu email é m***@exemplo.com.br",
        "MARIA.SILVA+x@mail.example.org         | M***@mail.example.org",
        "cpf 123.456.789-09                     | cpf ***.***.***-09",
        "12345678909                            | *********09",
        "(11) 98765-4321                        | (**) *****-**21",
        "+55 11 98765-4321                      | +** ** *****-**21",
        "cep 01310-200                          | cep *****-*00",
        "nasci em 12/05/1990                    | nasci em **/**/**90",
        "oi                                     | oi",
        "opção 2, apto 31, 1234                 | opção 2, apto 31, 1234",
        "quero mudar meu nome para Ana de Souza | quero mudar meu nome para Ana de Souza",
    })
    void masksWhatLooksPersonalAndNothingElse(String text, String masked) {
        assertThat(TranscriptMask.mask(text)).isEqualTo(masked);
    }
}
