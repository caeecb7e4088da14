package dev.wareg.chat.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.contracts.FieldChange;
import dev.wareg.contracts.RegistrationUpdateRejected.ReasonCode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Conversations in Brazilian Portuguese, the default language. */
class PortugueseDialogueTests {

    private static final String PHONE = "+5511987654321";

    /** Where e-mail can be sent, the new address is proven by the code e-mailed to it before anything is saved. */
    @Test
    void aNewSenderIsOfferedARegistrationAndRegisters() {
        var dialogue = new Dialogue(PHONE, false, true);
        dialogue.user("oi")
                .bot("Olá! Não encontrei um cadastro para este número. Quer se cadastrar agora? Leva menos de um minuto.")
                .botOffers("Sim", "Não")
                .user("sim")
                .bot("Ótimo, vamos fazer seu cadastro. Você pode digitar cancelar a qualquer momento.",
                        "Qual é o seu nome completo?")
                .user("maria da silva")
                .bot("Qual é o seu e-mail?")
                .user("Maria.Silva@Example.com")
                .bot("Confira seus dados:\nNome: Maria da Silva\nE-mail: maria.silva@example.com\n\nPosso salvar?")
                .user("sim")
                .bot("Para confirmar que o e-mail maria.silva@example.com é seu, enviei para ele um código de 6 dígitos. "
                        + "Digite o código aqui.");
        assertThat(dialogue.lastEmail().to()).isEqualTo("maria.silva@example.com");
        assertThat(dialogue.requests()).isEmpty();
        dialogue.user(dialogue.lastEmailedCode())
                .bot("E-mail maria.silva@example.com confirmado.", "Um momento, estou salvando…");

        var request = dialogue.lastRequest();
        assertThat(request.isRegistration()).isTrue();
        assertThat(request.sender()).isEqualTo(PHONE);
        assertThat(request.changes()).containsExactly(
                Map.entry("name", new FieldChange(null, "Maria da Silva")),
                Map.entry("email", new FieldChange(null, "maria.silva@example.com")));

        dialogue.workerApplies()
                .bot("Pronto! Seu cadastro foi criado. Quando precisar mudar algo, é só me chamar.");
    }

    @Test
    void aKnownSenderUpdatesTheirEmailAfterSeeingOldAndNew() {
        var dialogue = new Dialogue(PHONE).withAccount("Maria da Silva", "maria@antigo.com.br");
        dialogue.user("quero atualizar meu email")
                .bot("Qual é o novo e-mail?")
                .user("maria@novo.com.br")
                .bot("Confira a alteração:\nE-mail: maria@antigo.com.br → maria@novo.com.br\n\nPosso salvar?")
                .botOffers("Confirmar", "Corrigir", "Cancelar")
                .user("sim")
                .bot("Atenção: aqui não consigo enviar um código para confirmar o e-mail maria@novo.com.br, então ele "
                        + "será salvo sem verificação.", "Um momento, estou salvando…");

        var request = dialogue.lastRequest();
        assertThat(request.accountId()).isNotNull();
        assertThat(request.expectedVersion()).isEqualTo(3);
        assertThat(request.changes()).containsExactly(
                Map.entry("email", new FieldChange("maria@antigo.com.br", "maria@novo.com.br")));

        dialogue.workerApplies().bot("Pronto! Seu cadastro foi atualizado (e-mail).");
    }

    @Test
    void nothingIsRequestedBeforeTheOutcomeIsConfirmedAndNoMeansNothingChanges() {
        var dialogue = new Dialogue(PHONE).withAccount("Maria da Silva", "maria@antigo.com.br");
        dialogue.user("quero mudar o e-mail")
                .user("maria@novo.com.br")
                .user("não")
                .bot("Tudo bem, não alterei nada.");
        assertThat(dialogue.requests()).isEmpty();
    }

    @Test
    void yesAndNoCountOnlyAsWholeWords() {
        var dialogue = new Dialogue(PHONE).withAccount("Maria da Silva", "maria@antigo.com.br");
        dialogue.user("quero atualizar meu email")
                .user("maria@novo.com.br")
                .user("Simone")
                .bot("Responda confirmar para salvar, corrigir para mudar algum dado ou cancelar para descartar.")
                .user("nãoooo sei")
                .bot("Responda confirmar para salvar, corrigir para mudar algum dado ou cancelar para descartar.");
        assertThat(dialogue.requests()).isEmpty();
    }

    @Test
    void anInvalidEmailGetsAHelpfulAnswerAndIsAskedAgain() {
        var dialogue = new Dialogue(PHONE).withAccount("Maria da Silva", "maria@antigo.com.br");
        dialogue.user("quero atualizar meu email")
                .user("maria arroba novo")
                .bot("Esse e-mail não parece válido. Envie no formato nome@exemplo.com.")
                .user("maria@novo.com.br")
                .bot("Confira a alteração:\nE-mail: maria@antigo.com.br → maria@novo.com.br\n\nPosso salvar?");
    }

    @Test
    void aLikelyTypoInTheDomainIsOfferedCorrected() {
        var dialogue = new Dialogue(PHONE).withAccount("Maria da Silva", "maria@antigo.com.br");
        dialogue.user("quero atualizar meu email")
                .user("maria@gmial.com")
                .bot("Esse e-mail parece ter um erro de digitação. Você quis dizer maria@gmail.com?")
                .botOffers("Sim", "Não")
                .user("sim")
                .bot("Confira a alteração:\nE-mail: maria@antigo.com.br → maria@gmail.com\n\nPosso salvar?");
    }

    @Test
    void theSameValueIsNotAChange() {
        new Dialogue(PHONE).withAccount("Maria da Silva", "maria@antigo.com.br")
                .user("quero atualizar meu email")
                .user("maria@antigo.com.br")
                .bot("Esse já é o seu e-mail atual. Envie um novo valor ou digite cancelar.");
    }

    @Test
    void aValueGivenWithTheRequestIsTakenAtOnce() {
        new Dialogue(PHONE).withAccount("Maria da Silva", "maria@antigo.com.br")
                .user("quero mudar meu email para maria@novo.com.br")
                .bot("Confira a alteração:\nE-mail: maria@antigo.com.br → maria@novo.com.br\n\nPosso salvar?");
    }

    @Test
    void aGreetingFromAKnownSenderOffersTheFieldsAndANumberPicksOne() {
        new Dialogue(PHONE).withAccount("Maria da Silva", "maria@antigo.com.br")
                .user("olá")
                .bot("Olá, Maria! Eu ajudo a manter seu cadastro em dia. O que você quer atualizar?")
                .botOffers("Nome", "E-mail", "Endereço", "CPF", "Data de nascimento")
                .user("1")
                .bot("Qual é o nome completo correto?")
                .user("Maria Souza")
                .bot("Confira a alteração:\nNome: Maria da Silva → Maria Souza\n\nPosso salvar?");
    }

    @Test
    void cancelWorksAtAnyPointAndForgetsTheValues() {
        var dialogue = new Dialogue(PHONE).withAccount("Maria da Silva", "maria@antigo.com.br");
        dialogue.user("quero atualizar meu email")
                .user("maria@novo.com.br")
                .user("cancelar")
                .bot("Cancelado. Nada foi alterado.")
                .user("sim")
                .bot("Olá, Maria! Eu ajudo a manter seu cadastro em dia. O que você quer atualizar?");
        assertThat(dialogue.requests()).isEmpty();
    }

    @Test
    void helpExplainsAndRepeatsTheQuestion() {
        new Dialogue(PHONE).withAccount("Maria da Silva", "maria@antigo.com.br")
                .user("quero atualizar meu email")
                .user("ajuda")
                .bot("Eu ajudo você a manter seu cadastro em dia: nome, e-mail, endereço, CPF e data de nascimento. "
                                + "Diga, por exemplo, \"quero mudar meu e-mail\", \"quero atualizar meu cadastro\" ou \"ver meus dados\". "
                                + "Antes de salvar, sempre mostro a alteração e peço sua confirmação. A qualquer momento: cancelar desiste, "
                                + "voltar refaz a resposta anterior, manter deixa um dado como está, e falar com atendente chama uma pessoa.",
                        "Qual é o novo e-mail?");
    }

    @Test
    void emptyAndOverlongMessagesGetAClearAnswerAndKeepTheConversation() {
        var dialogue = new Dialogue(PHONE).withAccount("Maria da Silva", "maria@antigo.com.br");
        dialogue.user("quero atualizar meu email")
                .user("   ")
                .bot("Não recebi nenhum texto. Escreva sua mensagem, por favor.")
                .user("a".repeat(10_000))
                .bot("Sua mensagem é muito longa. Envie só a informação pedida, com até 1.000 caracteres.")
                .user("maria@novo.com.br")
                .bot("Confira a alteração:\nE-mail: maria@antigo.com.br → maria@novo.com.br\n\nPosso salvar?");
    }

    @Test
    void aRejectedUpdateIsToldTruthfully() {
        new Dialogue(PHONE).withAccount("Maria da Silva", "maria@antigo.com.br")
                .user("quero atualizar meu email")
                .user("maria@novo.com.br")
                .user("sim")
                .workerRejects(ReasonCode.STALE_VERSION)
                .bot("Seu cadastro mudou enquanto conversávamos, então não salvei nada. Diga o que quer atualizar para tentarmos de novo.");
    }

    @Test
    void messagesWhileSavingAreAnsweredWithoutRequestingAgain() {
        var dialogue = new Dialogue(PHONE).withAccount("Maria da Silva", "maria@antigo.com.br");
        dialogue.user("quero atualizar meu email").user("maria@novo.com.br").user("sim")
                .user("sim")
                .bot("Ainda estou salvando sua alteração. Já te aviso!");
        assertThat(dialogue.requests()).hasSize(1);
    }

    @Test
    void aConversationLeftAloneExpiresAndStartsOver() {
        var dialogue = new Dialogue(PHONE).withAccount("Maria da Silva", "maria@antigo.com.br");
        dialogue.user("quero atualizar meu email").user("maria@novo.com.br");
        dialogue.clock.advance(Duration.ofMinutes(31));
        dialogue.user("sim")
                .bot("Olá, Maria! Eu ajudo a manter seu cadastro em dia. O que você quer atualizar?");
        assertThat(dialogue.requests()).isEmpty();
    }

    @Test
    void whenAccountsCannotBeReadThePersonIsToldToTryAgain() {
        var dialogue = new Dialogue(PHONE);
        dialogue.directoryDown = true;
        dialogue.user("oi")
                .bot("Estou com dificuldade para consultar seu cadastro agora. Tente de novo em instantes.");
    }

    @Test
    void anInvalidNameIsExplained() {
        new Dialogue(PHONE)
                .user("quero me cadastrar")
                .user("Maria123")
                .bot("O nome deve ter apenas letras, espaços, apóstrofos e hífens. Envie seu nome completo, por favor.");
    }

    @Test
    void aSharedPlaceIsTakenAsTheNewAddressAndShownOldToNewBeforeSaving() {
        var dialogue = new Dialogue(PHONE).withAccount(Map.of("name", "Maria da Silva", "email", "maria@antigo.com.br",
                "postalCode", "70040-010", "street", "Esplanada dos Ministérios", "number", "10",
                "district", "Zona Cívico-Administrativa", "city", "Brasília", "state", "DF"));
        dialogue.user("quero mudar meu endereço")
                .bot("Qual é o CEP do novo endereço?")
                .location(-23.5614, -46.6559, "MASP", "Av. Paulista, 1578 - Bela Vista, São Paulo - SP, 01310-200")
                .bot("Peguei o endereço da sua localização: Av. Paulista, 1578, Bela Vista, São Paulo, SP, 01310-200.",
                        "Qual é o complemento (apartamento, bloco)? Se não tiver, digite pular.")
                .user("pular")
                .bot("Confira a alteração:\nCEP: 70040-010 → 01310-200\nRua: Esplanada dos Ministérios → Av. Paulista"
                        + "\nNúmero: 10 → 1578\nBairro: Zona Cívico-Administrativa → Bela Vista\nCidade: Brasília → São Paulo"
                        + "\nEstado: DF → SP\n\nPosso salvar?")
                .botOffers("Confirmar", "Corrigir", "Cancelar")
                .user("sim");

        assertThat(dialogue.lastRequest().changes()).containsExactly(
                Map.entry("address.postalCode", new FieldChange("70040-010", "01310-200")),
                Map.entry("address.street", new FieldChange("Esplanada dos Ministérios", "Av. Paulista")),
                Map.entry("address.number", new FieldChange("10", "1578")),
                Map.entry("address.district", new FieldChange("Zona Cívico-Administrativa", "Bela Vista")),
                Map.entry("address.city", new FieldChange("Brasília", "São Paulo")),
                Map.entry("address.state", new FieldChange("DF", "SP")));
    }

    @Test
    void aPinChangesNothingAndTheAddressIsStillAsked() {
        var dialogue = new Dialogue(PHONE).withAccount("Maria da Silva", "maria@antigo.com.br");
        dialogue.user("quero mudar meu endereço")
                .pin()
                .bot("Recebi o pino da sua localização, mas ele não traz o endereço. Preciso dele por escrito (CEP, rua,"
                        + " número, cidade...), uma parte por vez.", "Qual é o CEP do novo endereço?");

        assertThat(dialogue.stored()).hasValueSatisfying(conversation -> {
            assertThat(conversation.stage()).isEqualTo(Stage.COLLECTING);
            assertThat(conversation.asking()).isEqualTo("postalCode");
            assertThat(conversation.collected()).isEmpty();
        });
    }

    @Test
    void aLocationRedeliveredRepublishesTheSameRepliesAndTakesNothingTwice() {
        var dialogue = new Dialogue(PHONE).withAccount("Maria da Silva", "maria@antigo.com.br");
        dialogue.user("quero mudar meu endereço")
                .location("Av. Paulista, 1578 - Bela Vista, São Paulo - SP, 01310-200");
        var first = dialogue.replies();
        var stored = dialogue.stored().orElseThrow();

        dialogue.redelivered();

        assertThat(dialogue.replies()).isEqualTo(first);
        assertThat(dialogue.stored()).contains(stored);
    }
}
