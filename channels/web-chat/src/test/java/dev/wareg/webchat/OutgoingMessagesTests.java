package dev.wareg.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.contracts.SendMessage;
import dev.wareg.contracts.SendMessage.Button;
import dev.wareg.testsupport.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutgoingMessagesTests {

    private static final String ANA = "+5511987654321";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final Transcripts transcripts = new Transcripts(10, 10, Duration.ofHours(1), clock);
    private final RecordingEventBus bus = new RecordingEventBus();
    private final OutgoingMessages outgoing = new OutgoingMessages(bus, transcripts);

    @Test
    void subscribesAsTheWebChatOnceTheApplicationIsAssembled() {
        assertThat(bus.subscribers).isEmpty();

        outgoing.afterSingletonsInstantiated();

        assertThat(bus.subscribers).containsExactly("web-chat");
        assertThat(bus.subscribedTypes).containsExactly(SendMessage.class);
    }

    @Test
    void keepsWhatTheBotSendsToAWebChatUserWithItsButtons() {
        var buttons = List.of(new Button("confirm", "Confirmar"), new Button("cancel", "Cancelar"));
        var message = send("web-chat", "Confirma a alteração?", buttons);

        outgoing.keep(message);

        assertThat(transcripts.messages(ANA, Optional.empty())).containsExactly(TranscriptMessage.outgoing(
                message.eventId(), "Confirma a alteração?", buttons, message.occurredAt()));
    }

    @Test
    void ignoresMessagesForOtherChannels() {
        outgoing.keep(send("cloud-api", "Olá!", List.of()));

        assertThat(transcripts.conversationCount()).isZero();
    }

    private SendMessage send(String channel, String text, List<Button> buttons) {
        return new SendMessage(UUID.randomUUID(), clock.instant(), channel, ANA, text, buttons);
    }
}
