package dev.wareg.chat.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.contracts.RegistrationUpdateRejected.ReasonCode;
import dev.wareg.contracts.RegistrationUpdateRequested;
import dev.wareg.contracts.SendMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bus delivers at least once: an event whose handler threw (the broker refused a publish) or whose handling was
 * cut short (the process died) comes again. A redelivered event is not handled a second time: the chat publishes
 * again exactly what handling it published, with the same ids, which every consumer skips if it already has them.
 */
class ReplayTests {

    /** The tests' chat sends no e-mail, so the new address is saved unverified, and the person is told first. */
    private static final String UNVERIFIED = "Atenção: aqui não consigo enviar um código para confirmar o e-mail "
            + "maria@novo.com.br, então ele será salvo sem verificação.";

    private static final String PHONE = "+5511987654321";

    private final Dialogue dialogue = new Dialogue(PHONE).withAccount("Maria da Silva", "maria@antigo.com.br");

    @Test
    void aConfirmationWhosePublishingFailedRequestsTheUpdateWhenRedelivered() {
        dialogue.user("quero mudar meu email para maria@novo.com.br").brokerFailsAfter(1);
        int before = dialogue.published().size();

        assertThatThrownBy(() -> dialogue.user("sim")).hasMessageContaining("broker");
        List<IntegrationEvent> firstAttempt = publishedSince(before);
        assertThat(firstAttempt).singleElement().isInstanceOf(SendMessage.class);
        assertThat(dialogue.requests()).isEmpty();

        dialogue.redelivered().bot(UNVERIFIED, "Um momento, estou salvando…");
        List<IntegrationEvent> replayed = publishedSince(before + firstAttempt.size());
        assertThat(replayed).as("the same reply, same id, then the rest, up to the request the broker refused")
                .hasSize(3).startsWith(firstAttempt.getFirst());
        assertThat(replayed.getLast()).isInstanceOfSatisfying(RegistrationUpdateRequested.class,
                request -> assertThat(request.changes().get("email").newValue()).isEqualTo("maria@novo.com.br"));

        dialogue.workerApplies().bot("Pronto! Seu cadastro foi atualizado (e-mail).");
    }

    @Test
    void aTurnWhoseFirstPublishFailedIsPublishedWhole() {
        dialogue.user("quero mudar meu email para maria@novo.com.br").brokerFailsAfter(0);
        int before = dialogue.published().size();

        assertThatThrownBy(() -> dialogue.user("sim")).hasMessageContaining("broker");
        assertThat(publishedSince(before)).isEmpty();

        dialogue.redelivered().bot(UNVERIFIED, "Um momento, estou salvando…");
        assertThat(publishedSince(before)).hasSize(3).last().isInstanceOf(RegistrationUpdateRequested.class);
        assertThat(dialogue.stored()).hasValueSatisfying(conversation ->
                assertThat(conversation.stage()).isEqualTo(Stage.APPLYING));
    }

    @Test
    void aMessageDeliveredTwiceRepublishesTheSameEventsAndDoesNotMoveTheConversation() {
        dialogue.user("quero mudar meu email");
        int before = dialogue.published().size();
        dialogue.user("maria@novo.com.br");
        List<IntegrationEvent> first = publishedSince(before);
        Conversation afterFirst = dialogue.stored().orElseThrow();

        dialogue.redelivered();

        assertThat(publishedSince(before + first.size())).as("same events, same ids").isEqualTo(first);
        assertThat(dialogue.stored()).contains(afterFirst);
        dialogue.user("sim").bot(UNVERIFIED, "Um momento, estou salvando…");
        assertThat(dialogue.requests()).singleElement();
    }

    @Test
    void aConfirmationDeliveredTwiceRequestsTheUpdateOnce() {
        dialogue.user("quero mudar meu email para maria@novo.com.br").user("sim").redelivered()
                .bot(UNVERIFIED, "Um momento, estou salvando…");

        assertThat(dialogue.requests()).as("the same request twice, which the worker skips the second time")
                .hasSize(2).containsOnly(dialogue.requests().getFirst());
    }

    @Test
    void anOutcomeDeliveredTwiceTellsTheSameMessageUnderTheSameId() {
        dialogue.user("quero mudar meu email para maria@novo.com.br").user("sim").workerApplies();
        SendMessage told = dialogue.replies().getFirst();
        Conversation afterOutcome = dialogue.stored().orElseThrow();

        dialogue.redelivered().bot("Pronto! Seu cadastro foi atualizado (e-mail).");

        assertThat(dialogue.replies()).containsExactly(told);
        assertThat(dialogue.stored()).contains(afterOutcome);
    }

    @Test
    void anOutcomeWhoseTellingFailedIsToldWhenRedelivered() {
        dialogue.user("quero mudar meu email para maria@novo.com.br").user("sim").brokerFailsAfter(0);

        assertThatThrownBy(dialogue::workerApplies).hasMessageContaining("broker");
        assertThat(dialogue.stored()).hasValueSatisfying(conversation ->
                assertThat(conversation.stage()).as("the outcome was taken").isEqualTo(Stage.IDLE));

        dialogue.redelivered().bot("Pronto! Seu cadastro foi atualizado (e-mail).");
    }

    @Test
    void aRejectionDeliveredTwiceTellsTheSameMessageUnderTheSameId() {
        dialogue.user("quero mudar meu email para maria@novo.com.br").user("sim").workerRejects(ReasonCode.CONFLICT);
        SendMessage told = dialogue.replies().getFirst();

        dialogue.redelivered();

        assertThat(dialogue.replies()).containsExactly(told);
    }

    @Test
    void anOutcomeForAnExpiredConversationIsToldUnderTheSameIdEachTime() {
        dialogue.user("quero mudar meu email para maria@novo.com.br").user("sim").after(Duration.ofHours(1))
                .workerApplies().bot("Pronto! Seu cadastro foi atualizado.");
        SendMessage told = dialogue.replies().getFirst();

        dialogue.redelivered();

        assertThat(dialogue.replies()).containsExactly(told);
        assertThat(dialogue.stored()).as("nothing kept for a conversation that expired").isEmpty();
    }

    @Test
    void anEmptyMessageDeliveredTwiceIsAnsweredUnderTheSameId() {
        dialogue.user("  ");
        SendMessage answer = dialogue.replies().getFirst();

        dialogue.redelivered();

        assertThat(dialogue.replies()).containsExactly(answer);
    }

    private List<IntegrationEvent> publishedSince(int index) {
        List<IntegrationEvent> all = dialogue.published();
        return all.subList(index, all.size());
    }
}
