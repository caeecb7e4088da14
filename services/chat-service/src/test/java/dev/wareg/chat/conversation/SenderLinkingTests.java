package dev.wareg.chat.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.contracts.SendMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the linking stories cannot show by their lines: that nothing about a number's account is looked up before the
 * number is proven, that an unproven sender is never linked, that a linked sender's requests and erasure are the
 * number's, and that the code never appears in a reply.
 */
class SenderLinkingTests {

    private static final String SENDER = "BR.1234567890123456";
    private static final String NUMBER = "+5511987654321";
    private static final Map<String, String> MARIA = Map.of("name", "Maria da Silva", "email", "maria@antigo.com.br");

    @Test
    void noAccountIsLookedUpByTheNumberBeforeItsCodeIsProven() {
        var withAccount = new Dialogue(SENDER).withAccountOn(NUMBER, MARIA);
        var withoutAccount = new Dialogue(SENDER);

        withAccount.user("11 98765-4321").user("000000");
        withoutAccount.user("11 98765-4321").user("000000");

        assertThat(withAccount.lookedUp).isEmpty();
        assertThat(withoutAccount.lookedUp).isEmpty();
        assertThat(withAccount.published().stream().filter(SendMessage.class::isInstance).map(SendMessage.class::cast)
                .map(SendMessage::text).filter(text -> !text.contains("código para confirmar")).toList())
                .isEqualTo(withoutAccount.published().stream().filter(SendMessage.class::isInstance)
                        .map(SendMessage.class::cast).map(SendMessage::text)
                        .filter(text -> !text.contains("código para confirmar")).toList());
    }

    @Test
    void anUnprovenSenderIsNeverSentACodeNorLinked() {
        var dialogue = new Dialogue(SENDER).withAccountOn(NUMBER, MARIA);

        dialogue.unproven("11 98765-4321");

        assertThat(dialogue.replies()).singleElement().extracting(SendMessage::text).asString()
                .startsWith("Não consigo confirmar que esta mensagem veio do seu número");
        assertThat(dialogue.textedElsewhere()).isEmpty();
        dialogue.unproven("123456");
        assertThat(dialogue.links).isEmpty();
        assertThat(dialogue.lookedUp).isEmpty();
    }

    @Test
    void theCodeGoesToTheNumberOnlyAndNeverIntoAReply() {
        var dialogue = new Dialogue(SENDER).withAccountOn(NUMBER, MARIA);

        dialogue.user("meu numero é 11 98765-4321");
        String code = dialogue.lastTextedCode(NUMBER);

        assertThat(dialogue.textedElsewhere()).singleElement().satisfies(texted -> {
            assertThat(texted.recipient()).isEqualTo(NUMBER);
            assertThat(texted.channel()).isEqualTo(Dialogue.CHANNEL);
        });
        assertThat(dialogue.replies()).extracting(SendMessage::text).noneMatch(text -> text.contains(code));
    }

    @Test
    void aLinkedSendersChangesAreRequestedForTheNumberAndRepliesGoToTheSender() {
        var dialogue = new Dialogue(SENDER).withAccountOn(NUMBER, MARIA);
        dialogue.user("11 98765-4321");
        dialogue.user(dialogue.lastTextedCode(NUMBER));

        assertThat(dialogue.links).containsExactly(Map.entry(Dialogue.CHANNEL + ":" + SENDER, NUMBER));
        dialogue.user("quero mudar meu email para maria@novo.com.br").user("sim");

        var request = dialogue.lastRequest();
        assertThat(request.sender()).as("the phone the account is registered or found by").isEqualTo(NUMBER);
        assertThat(request.conversationId()).isEqualTo(SENDER);
        assertThat(request.accountId()).isEqualTo(dialogue.accounts.get(NUMBER).id());
    }

    @Test
    void aLinkOutlivesTheConversation() {
        var dialogue = new Dialogue(SENDER).withAccountOn(NUMBER, MARIA);
        dialogue.user("11 98765-4321");
        dialogue.user(dialogue.lastTextedCode(NUMBER));

        dialogue.after(java.time.Duration.ofHours(2)).user("oi");

        assertThat(dialogue.replies()).extracting(SendMessage::text).first().asString().contains("Maria");
    }

    @Test
    void erasingTheAccountInTheChatErasesTheLinkAndTheConversation() {
        var dialogue = new Dialogue(SENDER).withAccountOn(NUMBER, MARIA);
        dialogue.user("11 98765-4321");
        dialogue.user(dialogue.lastTextedCode(NUMBER));

        dialogue.user("quero apagar meus dados").user("Apagar meus dados").workerErases();

        assertThat(dialogue.links).isEmpty();
        assertThat(dialogue.stored()).isEmpty();
        dialogue.user("oi");
        assertThat(dialogue.replies()).extracting(SendMessage::text).first().asString()
                .startsWith("Seu WhatsApp não me mostra o seu número de telefone");
    }

    @Test
    void erasingTheAccountThroughTheApiErasesTheLinkedSendersConversation() {
        var dialogue = new Dialogue(SENDER).withAccountOn(NUMBER, MARIA);
        dialogue.user("11 98765-4321");
        dialogue.user(dialogue.lastTextedCode(NUMBER));
        dialogue.user("quero mudar meu email");
        assertThat(dialogue.stored()).isPresent();

        dialogue.erasedThroughTheApi();

        assertThat(dialogue.stored()).isEmpty();
        dialogue.user("oi");
        assertThat(dialogue.replies()).extracting(SendMessage::text).first().asString()
                .startsWith("Seu WhatsApp não me mostra o seu número de telefone");
    }

    @Test
    void aSenderWhoseLinkCannotBeReadIsToldOfTheOutageNotThatTheyAreUnknown() {
        var dialogue = new Dialogue(SENDER);
        dialogue.directoryDown = true;

        dialogue.user("oi");

        assertThat(dialogue.replies()).extracting(SendMessage::text).containsExactly(
                "Estou com dificuldade para consultar seu cadastro agora. Tente de novo em instantes.");
    }
}
