package dev.wareg.chat.interpretation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormaliserTests {

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Não, o E-mail É        | nao, o email e
            What's up              | whats up
            AÇÃO                   | acao
            """)
    void foldsCaseAccentsAndApostrophes(String text, String folded) {
        assertThat(Normaliser.fold(text)).isEqualTo(folded);
    }

    @Test
    void emojisBecomeWords() {
        assertThat(Normaliser.words(Normaliser.fold("👍"))).containsExactly("ok");
        assertThat(Normaliser.words(Normaliser.fold("não 👎"))).containsExactly("nao", "negativo");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            vc pode mudar q eu quero       | voce pode mudar que eu quero
            pq tb blz                      | porque tambem ok
            msm pfv obg vlw                | mesmo favor obrigado valeu
            n                              | nao
            s                              | sim
            can u update pls thx           | can you update please thanks
            oq eu faço                     | o que eu faco
            """)
    void writesOutChatAbbreviations(String text, String words) {
        assertThat(String.join(" ", Normaliser.words(Normaliser.fold(text)))).isEqualTo(words);
    }

    @Test
    void dropsFillersAtTheEdges() {
        assertThat(Normaliser.words(Normaliser.fold("então, bom dia né"))).containsExactly("bom", "dia");
        assertThat(Normaliser.words(Normaliser.fold("uh yes you know"))).containsExactly("yes");
    }

    @Test
    void drawnOutLettersAndSlipsAreReadAsTheKeyword() {
        assertThat(Words.of(Normaliser.words(Normaliser.fold("siiiim"))).canonical()).containsExactly("sim");
        assertThat(Words.of(Normaliser.words(Normaliser.fold("naooo"))).canonical()).containsExactly("nao");
        assertThat(Words.of(Normaliser.words(Normaliser.fold("quero atualisar"))).canonical())
                .containsExactly("quero", "atualizar");
        assertThat(Words.of(Normaliser.words(Normaliser.fold("eight one"))).canonical())
                .as("number words are no slips").containsExactly("eight", "one");
    }

    @Test
    void foldingInPlaceKeepsEveryCharacterWhereItWas() {
        String text = "Meu nome é João, I'm here";
        assertThat(Normaliser.sameLength(text)).hasSameSizeAs(text).isEqualTo("meu nome e joao, i m here");
    }
}
