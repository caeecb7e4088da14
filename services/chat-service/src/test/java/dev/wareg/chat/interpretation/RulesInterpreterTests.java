package dev.wareg.chat.interpretation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RulesInterpreterTests {

    private final RulesInterpreter interpreter = new RulesInterpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            sim                           | AFFIRM
            Sim!                          | AFFIRM
            s                             | AFFIRM
            claro                         | AFFIRM
            yes                           | AFFIRM
            não                           | DENY
            nao                           | DENY
            No                            | DENY
            não quero                     | DENY
            Simone                        | OUT_OF_SCOPE
            cancelar                      | CANCEL
            quero cancelar                | CANCEL
            ajuda                         | HELP
            oi                            | GREET
            bom dia                       | GREET
            hello                         | GREET
            obrigado!                     | THANKS
            quero atualizar meu email     | UPDATE
            quero atualisar meu e-mail    | UPDATE
            preciso trocar o nome         | UPDATE
            I want to change my name      | UPDATE
            quero me cadastrar            | REGISTER
            maria@exemplo.com             | PROVIDE_VALUE
            Maria da Silva                | OUT_OF_SCOPE
            qual a previsão do tempo?     | OUT_OF_SCOPE
            quero apagar meus dados       | DELETE_MY_DATA
            delete my account             | DELETE_MY_DATA
            remover o complemento do cadastro | UPDATE
            tchau                         | GOODBYE
            bye!                          | GOODBYE
            👍                            | AFFIRM
            👎                            | DENY
            falar com atendente           | HUMAN
            ver meus dados                | SHOW_MY_DATA
            voltar                        | BACK
            manter                        | KEEP
            na verdade o email é a@b.com  | CORRECT
            """)
    void recognisesIntents(String text, Intent intent) {
        assertThat(interpreter.interpret(text).intent()).isEqualTo(intent);
    }

    @Test
    void aNegatedUpdateIsNotAnUpdate() {
        assertThat(interpreter.interpret("não quero mudar o e-mail").intent()).isEqualTo(Intent.DENY);
    }

    @Test
    void portugueseNoMeaningInTheIsNotANo() {
        assertThat(interpreter.interpret("quero mudar o email no cadastro").intent()).isEqualTo(Intent.UPDATE);
    }

    @Test
    void findsTheFieldsAMessageIsAbout() {
        assertThat(interpreter.interpret("quero mudar meu e-mail").targetFields()).containsExactly("email");
        assertThat(interpreter.interpret("trocar nome e email").targetFields()).containsExactlyInAnyOrder("name", "email");
        assertThat(interpreter.interpret("oi").targetFields()).isEmpty();
    }

    @Test
    void spotsValuesInFreeText() {
        var meaning = interpreter.interpret("meu novo email é Maria@Exemplo.com.");
        assertThat(meaning.values()).containsEntry("email", "maria@exemplo.com");
        assertThat(meaning.targetFields()).contains("email");
        assertThat(interpreter.interpret("meu nome é Maria da Silva").values()).containsEntry("name", "Maria da Silva");
        assertThat(interpreter.interpret("my name is John O'Neil").values()).containsEntry("name", "John O'Neil");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1         | 1
            2.        | 2
            opção 2   | 2
            opcao 1   | 1
            option 2  | 2
            """)
    void readsNumberedChoices(String text, int choice) {
        assertThat(interpreter.interpret(text).choice()).contains(choice);
    }

    @Test
    void aNumberInsideASentenceIsNotAChoice() {
        assertThat(interpreter.interpret("moro na rua 2").choice()).isEmpty();
    }

    @Test
    void tellsTheLanguageWhenTheWordsMakeItClear() {
        assertThat(interpreter.interpret("I want to update my email").language()).contains(Locale.ENGLISH);
        assertThat(interpreter.interpret("quero atualizar meu email").language()).contains(Locale.forLanguageTag("pt-BR"));
        assertThat(interpreter.interpret("maria@exemplo.com").language()).isEqualTo(Optional.empty());
    }

    @org.junit.jupiter.api.Test
    void freeTextIsTheAnswerToTheFieldAskedSurerWhenItIsValid() {
        var valid = interpreter.interpret("Maria da Silva", "name");
        var invalid = interpreter.interpret("M4ria", "name");

        assertThat(valid.intent()).isEqualTo(Intent.PROVIDE_VALUE);
        assertThat(valid.confidence()).isGreaterThanOrEqualTo(Interpretation.CONFIDENT);
        assertThat(invalid.intent()).isEqualTo(Intent.PROVIDE_VALUE);
        assertThat(invalid.confidence()).isLessThan(valid.confidence());
    }

    @org.junit.jupiter.api.Test
    void aMisspeltKeywordIsLessCertainAndUnplacedTextIsUnsure() {
        assertThat(interpreter.interpret("quero atualisar meu email").confidence())
                .isLessThan(interpreter.interpret("quero atualizar meu email").confidence());
        assertThat(interpreter.interpret("asdfgh").confidence()).isLessThan(Interpretation.CONFIDENT);
        assertThat(interpreter.interpret("tem alguma novidade?").confidence()).isLessThan(Interpretation.CONFIDENT);
    }

    @org.junit.jupiter.api.Test
    void phonesCpfsCepsAndDatesAreSpottedInFreeText() {
        var meaning = interpreter.interpret("meu cpf é 529.982.247-25, cep 01310-100, nasci em 17/05/1990 e o celular (11) 98765-4321");

        assertThat(meaning.values()).containsEntry("cpf", "52998224725").containsEntry("postalCode", "01310100")
                .containsEntry("birthDate", "1990-05-17").containsEntry("phone", "+5511987654321");
        assertThat(meaning.spans()).containsEntry("cpf", "529.982.247-25").containsEntry("postalCode", "01310-100")
                .containsEntry("birthDate", "17/05/1990").containsEntry("phone", "(11) 98765-4321");
        assertThat(interpreter.interpret("11987654321").values()).containsOnlyKeys("phone");
    }
}
