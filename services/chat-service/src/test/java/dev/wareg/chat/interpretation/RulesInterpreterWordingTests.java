package dev.wareg.chat.interpretation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How people write each intent on WhatsApp beyond its keywords, in Portuguese and English. */
class RulesInterpreterWordingTests {

    private final RulesInterpreter interpreter = new RulesInterpreter();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            o que eu faço agora?                 | HELP
            como eu faço isso?                   | HELP
            não entendi                          | HELP
            tô perdido                           | HELP
            e agora?                             | HELP
            pode me ajudar?                      | HELP
            hein?                                | HELP
            como assim?                          | HELP
            what should I do?                    | HELP
            how does this work                   | HELP
            I'm lost                             | HELP
            what now?                            | HELP
            can you help me?                     | HELP
            """)
    void asksForHelpInOtherWords(String text, Intent intent) {
        var meaning = interpreter.interpret(text);
        assertThat(meaning.intent()).isEqualTo(intent);
        assertThat(meaning.confidence()).isGreaterThanOrEqualTo(Interpretation.CONFIDENT);
    }

    @ParameterizedTest(name = "\"{0}\" (asked {1}) -> HELP")
    @CsvSource(delimiter = '|', textBlock = """
            preciso de ajuda          | district
            me explica como funciona  | street
            I need help               | city
            """)
    void aRequestForHelpIsNoAnswerToTheFieldAsked(String text, String asked) {
        assertThat(interpreter.interpret(text, asked).intent()).isEqualTo(Intent.HELP);
    }

    @Test
    void aNameWithAHelpWordInItIsStillAName() {
        var meaning = interpreter.interpret("Maria do Socorro", "name");
        assertThat(meaning.intent()).isEqualTo(Intent.PROVIDE_VALUE);
        assertThat(meaning.values()).containsEntry("name", "Maria do Socorro");
    }

    @ParameterizedTest(name = "\"{0}\" -> THANKS")
    @CsvSource(delimiter = '|', textBlock = """
            gratidão
            muito agradecido
            obrigadão!
            tmj
            obrigado pela ajuda
            thanks for the help!
            much appreciated
            thanx
            """)
    void thanksInOtherWords(String text) {
        assertThat(interpreter.interpret(text).intent()).isEqualTo(Intent.THANKS);
    }

    @ParameterizedTest(name = "\"{0}\" -> OUT_OF_SCOPE, confidently")
    @CsvSource(delimiter = '|', textBlock = """
            Qual a previsão do tempo? Obrigado.
            vcs vendem celular? valeu
            me conta uma piada
            What's the weather tomorrow? Cheers.
            can you help me with my homework?
            how much is shipping?
            """)
    void anotherTopicIsOutOfScopeEvenWithThanksOrHelpWords(String text) {
        var meaning = interpreter.interpret(text);
        assertThat(meaning.intent()).isEqualTo(Intent.OUT_OF_SCOPE);
        assertThat(meaning.confidence()).isGreaterThanOrEqualTo(Interpretation.CONFIDENT);
    }

    @ParameterizedTest(name = "\"{0}\" (asked {1}) -> OUT_OF_SCOPE")
    @CsvSource(delimiter = '|', textBlock = """
            Com licença, vcs vendem celular?     | complement
            Oi, tudo bom? Que dia é hoje?        | district
            tem promoção hoje                    | street
            do you deliver on sundays?           | city
            """)
    void aQuestionOnAnotherTopicIsNoAnswerToTheFieldAsked(String text, String asked) {
        var meaning = interpreter.interpret(text, asked);
        assertThat(meaning.intent()).isEqualTo(Intent.OUT_OF_SCOPE);
        assertThat(meaning.values()).doesNotContainKey(asked);
    }

    @ParameterizedTest(name = "\"{0}\" -> OUT_OF_SCOPE")
    @CsvSource(delimiter = '|', textBlock = """
            qual é o seu nome?
            what's your name?
            """)
    void aQuestionAboutTheBotIsNoValue(String text) {
        assertThat(interpreter.interpret(text).intent()).isEqualTo(Intent.OUT_OF_SCOPE);
    }

    @ParameterizedTest(name = "\"{0}\" -> SHOW_MY_DATA")
    @CsvSource(delimiter = '|', textBlock = """
            qual é o meu e-mail?
            what's my date of birth?
            me envia meu cadastro
            send me my details
            """)
    void asksToSeeOwnData(String text) {
        assertThat(interpreter.interpret(text).intent()).isEqualTo(Intent.SHOW_MY_DATA);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            siim                      | AFFIRM
            tá bom                    | AFFIRM
            aham                      | AFFIRM
            all good                  | AFFIRM
            sounds good!              | AFFIRM
            naum                      | DENY
            nops                      | DENY
            never mind                | CANCEL
            deixa pra lá              | CANCEL
            I give up                 | CANCEL
            não quero continuar       | CANCEL
            me enganei                | CORRECT
            foi mal, o número é 42    | CORRECT
            my bad                    | CORRECT
            na verdade é 42           | CORRECT
            tem alguém de verdade aí? | HUMAN
            can I talk to someone?    | HUMAN
            fica assim                | KEEP
            não tenho complemento     | KEEP
            I don't have one          | KEEP
            tudo bem?                 | GREET
            de jeito nenhum           | DENY
            nem pensar                | DENY
            🙅‍♀️                      | DENY
            of course not             | DENY
            pode ser                  | AFFIRM
            com certeza               | AFFIRM
            go ahead                  | AFFIRM
            that works                | AFFIRM
            ta bom assim              | KEEP
            """)
    void shortAnswersInOtherWords(String text, Intent intent) {
        assertThat(interpreter.interpret(text).intent()).isEqualTo(intent);
    }

    @ParameterizedTest(name = "\"{0}\" -> OUT_OF_SCOPE")
    @CsvSource(delimiter = '|', textBlock = """
            kkkkk                | name
            hahaha 😂            |
            rsrs                 | city
            lol                  |
            """)
    void laughingAnswersNothing(String text, String asked) {
        assertThat(interpreter.interpret(text, asked).intent()).isEqualTo(Intent.OUT_OF_SCOPE);
        assertThat(interpreter.interpret("RS", "state").values()).containsEntry("state", "RS");
    }

    @ParameterizedTest(name = "\"{0}\" -> OUT_OF_SCOPE")
    @CsvSource(delimiter = '|', textBlock = """
            o que eu faço no domingo?
            como faço um bolo?
            """)
    void anOpenQuestionAboutSomethingElseIsNoRequestForHelp(String text) {
        assertThat(interpreter.interpret(text).intent()).isEqualTo(Intent.OUT_OF_SCOPE);
    }

    @ParameterizedTest(name = "\"{0}\" (asked {1}) -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            minha rua é Rua Augusta  | street   | Rua Augusta
            meu bairro é Pinheiros   | district | Pinheiros
            a cidade é Campinas      | city     | Campinas
            the city is Curitiba     | city     | Curitiba
            o número é 123           | number   | 123
            o meu é 42               | number   | 42
            Centro, ok               | district | Centro
            🙂 Campinas              | city     | Campinas
            Maria Silva 😉           | name     | Maria Silva
            estado de SP             | state    | SP
            Maria da Silva           | name     | Maria da Silva
            Av. Paulista             | street   | Avenida Paulista
            """)
    void theAnswerIsTakenWithoutTheWordsAroundIt(String text, String asked, String value) {
        var meaning = interpreter.interpret(text, asked);
        assertThat(meaning.intent()).isEqualTo(Intent.PROVIDE_VALUE);
        assertThat(meaning.values()).containsEntry(asked, value);
    }

    @Test
    void aNameOpensAListOfDetails() {
        assertThat(interpreter.interpret("segue meus dados: Lucas Souza, 07511985955, 1979-12-11").values())
                .containsEntry("name", "Lucas Souza").containsEntry("birthDate", "1979-12-11");
        assertThat(interpreter.interpret("here are my details: John Smith, 529.982.247-25").values())
                .containsEntry("name", "John Smith").containsEntry("cpf", "52998224725");
    }

    @Test
    void aPhoneAfterTheWordNumberIsNoHouseNumber() {
        assertThat(interpreter.interpret("meu número é 47 94971-9866", "phone").values())
                .containsEntry("phone", "+5547949719866").doesNotContainKey("number");
        assertThat(interpreter.interpret("meu cep é 01310-100 número 14").values()).containsEntry("number", "14");
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            então bom dia né              | GREET
            tipo boa tarde pessoal ok     | GREET
            uh hi how are you you know    | GREET
            sim tá tudo certinho you know | AFFIRM
            so pular esta pergunta por favor | KEEP
            """)
    void fillersOfSpeechAtTheEdgesDoNotChangeTheIntent(String text, Intent intent) {
        assertThat(interpreter.interpret(text).intent()).isEqualTo(intent);
    }

    @ParameterizedTest(name = "\"{0}\" (asked {1}) -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Oi, tudo bem? Maria da Silva. Obrigada!         | name     | Maria da Silva
            Bom dia! Tijuca. Desde já agradeço.             | district | Tijuca
            Hello, 1B. Thank you for your help.             | number   | 1B
            Good morning. Belo Horizonte. Many thanks.      | city     | Belo Horizonte
            """)
    void anAnswerBetweenAGreetingAndAThanksIsStillTheAnswer(String text, String asked, String value) {
        var meaning = interpreter.interpret(text, asked);
        assertThat(meaning.intent()).isEqualTo(Intent.PROVIDE_VALUE);
        assertThat(meaning.values()).containsEntry(asked, value);
    }

    @Test
    void aYesIsNoAnswerToAFreeTextField() {
        assertThat(interpreter.interpret("perfeito 👍", "complement").intent()).isEqualTo(Intent.AFFIRM);
        assertThat(interpreter.interpret("Liam Y. Johnson", "name").intent()).isEqualTo(Intent.PROVIDE_VALUE);
    }

    @Test
    void aFieldAndANumberAreAValueEvenWithAnOk() {
        assertThat(interpreter.interpret("o cpf é 87282792287 ok").intent()).isEqualTo(Intent.PROVIDE_VALUE);
    }

    @Test
    void valuesAreReadThroughASlipInTheWordsBeforeThem() {
        assertThat(interpreter.interpret("me chmao Gabriel Gonçalves").values()).containsEntry("name", "Gabriel Gonçalves");
        assertThat(interpreter.interpret("meu nome comlpeto é Bruno Carvalho").values())
                .containsEntry("name", "Bruno Carvalho");
        assertThat(interpreter.interpret("I mvoed to Porto Alegre, need to update my address").values())
                .containsEntry("city", "Porto Alegre");
        assertThat(interpreter.interpret("meu email é ana@gmail.com").values()).containsEntry("email", "ana@gmail.com");
    }

    @Test
    void thanksAndFillersAfterAValueAreNotPartOfIt() {
        assertThat(interpreter.interpret("moro em Londrina, fico no aguardo").values()).containsEntry("city", "Londrina");
        assertThat(interpreter.interpret("I live in Recife. Thank you for your help.").values())
                .containsEntry("city", "Recife");
        assertThat(interpreter.interpret("meu nome é Camila Gonçalves aí. Desde já agradeço.").values())
                .containsEntry("name", "Camila Gonçalves");
        assertThat(interpreter.interpret("uh i'm Emma Wilson").values()).containsEntry("name", "Emma Wilson");
        var curitiba = interpreter.interpret("i'm from Curitiba PR");
        assertThat(curitiba.values()).containsEntry("city", "Curitiba").containsEntry("state", "PR");
    }

    @Test
    void aMisspeltCorrectionIsACorrection() {
        assertThat(interpreter.interpret("na vredade o email é ana@x.com").intent()).isEqualTo(Intent.CORRECT);
        assertThat(interpreter.interpret("atcually I was born on 21/6/1993").intent()).isEqualTo(Intent.CORRECT);
        assertThat(interpreter.interpret("quero corrigir 👍").intent()).isEqualTo(Intent.CORRECT);
    }

    @Test
    void helpWithSomethingElseIsNoRequestForHelpWithTheBot() {
        assertThat(interpreter.interpret("can you help me with my taxes?").intent()).isEqualTo(Intent.OUT_OF_SCOPE);
        assertThat(interpreter.interpret("me ajuda a escolher um presente").intent()).isEqualTo(Intent.OUT_OF_SCOPE);
        assertThat(interpreter.interpret("preciso de ajuda com o cadastro").intent()).isEqualTo(Intent.HELP);
        assertThat(interpreter.interpret("help me with this").intent()).isEqualTo(Intent.HELP);
    }

    @Test
    void aDeniedMeaningIsANoNotACorrection() {
        assertThat(interpreter.interpret("não é isso que eu quis dizer").intent()).isEqualTo(Intent.DENY);
        assertThat(interpreter.interpret("quis dizer Ana").intent()).isEqualTo(Intent.CORRECT);
    }

    @Test
    void aPhoneNumberAskedForIsSureWhenValid() {
        var meaning = interpreter.interpret("(11) 98765-4321", "phone");
        assertThat(meaning.intent()).isEqualTo(Intent.PROVIDE_VALUE);
        assertThat(meaning.confidence()).isGreaterThanOrEqualTo(Interpretation.CONFIDENT);
    }

    @Test
    void aHouseWithoutANumberAnswersTheNumber() {
        var meaning = interpreter.interpret("S/N", "number");
        assertThat(meaning.intent()).isEqualTo(Intent.PROVIDE_VALUE);
        assertThat(meaning.values()).containsEntry("number", "S/N");
    }

    @Test
    void anInvalidCpfIsAnAnswerButNotAPhone() {
        var pt = interpreter.interpret("o cpf é 78911360488");
        var en = interpreter.interpret("my CPF is 78911360488");
        assertThat(pt.intent()).isEqualTo(Intent.PROVIDE_VALUE);
        assertThat(pt.values()).doesNotContainKeys("phone", "cpf");
        assertThat(pt.confidence()).isGreaterThanOrEqualTo(Interpretation.CONFIDENT);
        assertThat(en.values()).doesNotContainKeys("phone", "cpf");
    }

    @Test
    void aPhoneWithoutAreaCodeIsSpotted() {
        assertThat(interpreter.interpret("meu número: 2999-1004").values()).containsEntry("phone", "2999-1004");
        assertThat(interpreter.interpret("my phone is 98765-4321").values()).containsEntry("phone", "98765-4321");
    }

    @Test
    void namesEndWhereTheNextValueBegins() {
        assertThat(interpreter.interpret("i'm Juliana Costa born 20/06/1974").values())
                .containsEntry("name", "Juliana Costa");
        assertThat(interpreter.interpret("nome Iara Gomes Lima cpf 463.120.575-00").values())
                .containsEntry("name", "Iara Gomes Lima");
        assertThat(interpreter.interpret("NOME GUSTAVO CARVALHO CPF 65050829801").values())
                .containsEntry("name", "GUSTAVO CARVALHO");
        assertThat(interpreter.interpret("this is John Smith, my email is john@x.com").values())
                .containsEntry("name", "John Smith");
        assertThat(interpreter.interpret("aqui é a Ana Lima").values()).containsEntry("name", "Ana Lima");
    }

    @Test
    void readsTheDistrictCityAndStateAfterTheStreet() {
        var pt = interpreter.interpret("Rua Augusta, 500, apto 12 - Consolação, São Paulo - SP");
        assertThat(pt.values()).containsEntry("street", "Rua Augusta").containsEntry("number", "500")
                .containsEntry("complement", "apto 12").containsEntry("district", "Consolação")
                .containsEntry("city", "São Paulo").containsEntry("state", "SP");
        var en = interpreter.interpret("address: Avenida Getúlio Vargas, 7016, Santa Efigênia");
        assertThat(en.values()).containsEntry("district", "Santa Efigênia").doesNotContainKey("city");
        assertThat(interpreter.interpret("moro na Rua Augusta, 500 e meu email é a@b.com").values())
                .doesNotContainKeys("district", "city");
    }

    @Test
    void aCityIsReadAfterTheWordsThatSayWhereSomeoneLives() {
        assertThat(interpreter.interpret("Mudei pra Belo Horizonte, preciso atualizar o endereço").values())
                .containsEntry("city", "Belo Horizonte");
        var recife = interpreter.interpret("Sou de Recife - PE. Obrigada!");
        assertThat(recife.intent()).isEqualTo(Intent.PROVIDE_VALUE);
        assertThat(recife.values()).containsEntry("city", "Recife").containsEntry("state", "PE");
    }

    @Test
    void aCityNamedInAnotherTopicKeepsItOutOfScope() {
        var meaning = interpreter.interpret("what's the weather in Goiânia?");
        assertThat(meaning.intent()).isEqualTo(Intent.OUT_OF_SCOPE);
        assertThat(meaning.values()).containsEntry("city", "Goiânia");
    }

    @Test
    void theWholeComplementIsTakenWhenItIsAllTheAnswerSays() {
        assertThat(interpreter.interpret("torre 2 apto 88", "complement").values())
                .containsEntry("complement", "torre 2 apto 88");
        assertThat(interpreter.interpret("meu complemento é apto 42", "complement").values())
                .containsEntry("complement", "apto 42");
    }

    @Test
    void aWrongWordAfterBairroIsNoDistrict() {
        assertThat(interpreter.interpret("mandei o bairro errado").values()).doesNotContainKey("district");
    }

    @ParameterizedTest(name = "\"{0}\" (asked {1}) -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            neca                                                   |           | DENY
            eae macho                                              |           | GREET
            ok ta certo sim minha filha                            |           | AFFIRM
            para por aqui                                          |           | CANCEL
            oxente, deixa isso pra outro dia                       |           | CANCEL
            me mudei de joão pessoa pra campina grande             |           | UPDATE
            quero conferir meus dados antes de fazer a compra      |           | SHOW_MY_DATA
            antes de eu mudar alguma coisa queria ver o que vcs tem salvo de mim | | SHOW_MY_DATA
            oxe o entregador deixou minha encomenda na casa do vizinho errado |  | OUT_OF_SCOPE
            deixa esse mesmo                                       | phone     | KEEP
            nao tem bloco nem apto nao                             | complement | KEEP
            bão?                                             |            | GREET
            coé                                              |            | GREET
            nó, ta muito complicado, larga isso              | cpf        | CANCEL
            nah scrap that, I'll do it later                 | phone      | CANCEL
            me liga pfv, nao sei mexer nisso nao             | postalCode | HUMAN
            esse trem de cpf eu vou deixar sem por enquanto  | cpf        | KEEP
            no flat number, it's a house                     | complement | KEEP
            pull up my profile pls                           |            | SHOW_MY_DATA
            some com meu cadastro mermão                     |            | DELETE_MY_DATA
            pode sim, muito obrigada e que deus abençoe vcs  |            | AFFIRM
            vc sabe se tem aula de funcional no feriado?     |            | OUT_OF_SCOPE
            How do I change my son's email in the school app? |           | OUT_OF_SCOPE
            quero cancelar a matricula do meu filho          |            | OUT_OF_SCOPE
            mds como q eu me cadastro nessa parada           |            | REGISTER
            Kindly share the details registered under my name |           | SHOW_MY_DATA
            ctz                                              |            | AFFIRM
            nd a ver, n é isso nao                           |            | DENY
            mesmo email de antes                             | email      | KEEP
            na vdd deixa o email, muda so o nome             | name       | KEEP
            Yes please, thanks a lot                         |            | AFFIRM
            """)
    void regionalAndEverydayWording(String text, String asked, Intent intent) {
        assertThat(interpreter.interpret(text, asked).intent()).isEqualTo(intent);
    }

    @ParameterizedTest(name = "\"{0}\" (asked {1}) -> OUT_OF_SCOPE")
    @CsvSource(delimiter = '|', textBlock = """
            quero saber o horario da academia         | name
            meu filho quebrou a tela do celular ontem | name
            esqueci a senha do app                    | street
            I just want to know the opening hours     | name
            """)
    void aSentenceAboutSomethingElseIsNoNameOrPlace(String text, String asked) {
        var meaning = interpreter.interpret(text, asked);
        assertThat(meaning.intent()).isEqualTo(Intent.OUT_OF_SCOPE);
        assertThat(meaning.values()).isEmpty();
    }

    @Test
    void aSentenceThatNamesTheFieldAskedStillAnswersIt() {
        assertThat(interpreter.interpret("minha rua é a Augusta", "street").intent()).isEqualTo(Intent.PROVIDE_VALUE);
    }

    @Test
    void theAnswerAfterAQuestionAboutTheFieldAsked() {
        var meaning = interpreter.interpret("precisa do bairro? gonzaga", "district");
        assertThat(meaning.intent()).isEqualTo(Intent.PROVIDE_VALUE);
        assertThat(meaning.values()).containsEntry("district", "gonzaga");
    }

    @Test
    void thePhoneInOnesHandIsNoFieldToChange() {
        assertThat(interpreter.interpret("eu queria trocar o email pq o bol nao ta funcionando mais no meu celular")
                .targetFields()).containsExactly("email");
    }

    @Test
    void oneFieldSaidToBeRightAndAnotherWrongRetargets() {
        var meaning = interpreter.interpret("ah nao pera, o email ta certo, eh o nome q ta errado", "email");
        assertThat(meaning.intent()).isEqualTo(Intent.UPDATE);
        assertThat(meaning.targetFields()).containsExactly("name");
    }

    @Test
    void englishWithWordsThatArePortugueseTooIsEnglish() {
        assertThat(interpreter.interpret("no complement needed, it's a house", "complement").language())
                .contains(java.util.Locale.ENGLISH);
    }

    @Test
    void aMessageWithWordsOfBothLanguagesKeepsTheConversationsOwn() {
        assertThat(interpreter.interpret("sim, the email", null).language()).isEmpty();
    }
}
