package dev.wareg.chat.interpretation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailSpotterTests {

    @Test
    void findsAWrittenAddressAndTakesItOutOfTheText() {
        Map<String, String> values = new HashMap<>();
        String rest = EmailSpotter.written("meu email é ana.souza@exemplo.com.br.", values);
        assertThat(values).containsEntry("email", "ana.souza@exemplo.com.br");
        assertThat(rest).doesNotContain("@");
    }

    @Test
    void ofTwoAddressesTheNewOneComesLast() {
        Map<String, String> values = new HashMap<>();
        EmailSpotter.written("trocar meu email antigo ze@bol.com.br pelo novo zeca@gmail.com", values);
        assertThat(values).containsEntry("email", "zeca@gmail.com");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ana ponto carol arroba hotmail ponto com              | ana.carol@hotmail.com
            lucas traço ferreira arroba outlook ponto com         | lucas-ferreira@outlook.com
            pedro underline alves arroba icloud ponto com         | pedro_alves@icloud.com
            its kevin dot brown at outlook dot com                | kevin.brown@outlook.com
            j underscore smith 77 at yahoo dot com                | j_smith77@yahoo.com
            my email changed, it's now dan.moore at gmail dot com | dan.moore@gmail.com
            """)
    void readsADictatedAddress(String text, String email) {
        Map<String, String> values = new HashMap<>();
        EmailSpotter.dictated(Normaliser.fold(text), values);
        assertThat(values).containsEntry("email", email);
    }

    @Test
    void atAndDotInASentenceAreNoAddress() {
        Map<String, String> values = new HashMap<>();
        EmailSpotter.dictated(Normaliser.fold("I live at home, dot"), values);
        EmailSpotter.dictated(Normaliser.fold("call me at noon"), values);
        assertThat(values).isEmpty();
    }
}
