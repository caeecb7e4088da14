package dev.wareg.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.wareg.contracts.SendMessage.Button;
import dev.wareg.testsupport.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TranscriptsTests {

    private static final String ANA = "+5511987654321";
    private static final String BRUNO = "+5521987654321";
    private static final String CARLA = "+5531987654321";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private int nextId = 1;

    @Test
    void anUnknownConversationIsEmpty() {
        var transcripts = transcripts(10, 10, Duration.ofHours(1));

        assertThat(transcripts.messages(ANA, Optional.empty())).isEmpty();
    }

    @Test
    void keepsMessagesInTheOrderTheyWereAddedPerParticipant() {
        var transcripts = transcripts(10, 10, Duration.ofHours(1));
        var hello = incoming("oi");
        var answer = outgoing("Olá! Não encontrei um cadastro para este número.", new Button("yes", "Sim"));
        var other = incoming("bom dia");

        transcripts.append(ANA, hello);
        transcripts.append(BRUNO, other);
        transcripts.append(ANA, answer);

        assertThat(transcripts.messages(ANA, Optional.empty())).containsExactly(hello, answer);
        assertThat(transcripts.messages(BRUNO, Optional.empty())).containsExactly(other);
    }

    @Test
    void returnsOnlyTheMessagesAfterAGivenOne() {
        var transcripts = transcripts(10, 10, Duration.ofHours(1));
        var first = incoming("oi");
        var second = outgoing("Olá!");
        var third = outgoing("Qual é o seu nome?");
        List.of(first, second, third).forEach(message -> transcripts.append(ANA, message));

        assertThat(transcripts.messages(ANA, Optional.of(first.id()))).containsExactly(second, third);
        assertThat(transcripts.messages(ANA, Optional.of(third.id()))).isEmpty();
    }

    @Test
    void returnsTheWholeTranscriptWhenTheGivenMessageIsNoLongerThere() {
        var transcripts = transcripts(10, 2, Duration.ofHours(1));
        var dropped = incoming("oi");
        var kept = List.of(outgoing("Olá!"), incoming("Ana"));
        transcripts.append(ANA, dropped);
        kept.forEach(message -> transcripts.append(ANA, message));

        assertThat(transcripts.messages(ANA, Optional.of(dropped.id()))).isEqualTo(kept);
    }

    @Test
    void keepsAMessageDeliveredTwiceOnce() {
        var transcripts = transcripts(10, 10, Duration.ofHours(1));
        var answer = outgoing("Olá!");

        assertThat(transcripts.append(ANA, answer)).isTrue();
        assertThat(transcripts.append(ANA, answer)).isFalse();

        assertThat(transcripts.messages(ANA, Optional.empty())).containsExactly(answer);
    }

    @Test
    void dropsTheOldestMessagesOfAConversationBeyondTheLimit() {
        var transcripts = transcripts(10, 3, Duration.ofHours(1));
        var messages = List.of(incoming("1"), outgoing("2"), incoming("3"), outgoing("4"), incoming("5"));

        messages.forEach(message -> transcripts.append(ANA, message));

        assertThat(transcripts.messages(ANA, Optional.empty())).isEqualTo(messages.subList(2, 5));
    }

    @Test
    void dropsTheLeastRecentlyActiveConversationBeyondTheLimit() {
        var transcripts = transcripts(2, 10, Duration.ofHours(1));
        transcripts.append(ANA, incoming("oi"));
        transcripts.append(BRUNO, incoming("oi"));
        transcripts.append(ANA, outgoing("Olá!"));

        transcripts.append(CARLA, incoming("oi"));

        assertThat(transcripts.conversationCount()).isEqualTo(2);
        assertThat(transcripts.messages(BRUNO, Optional.empty())).isEmpty();
        assertThat(transcripts.messages(ANA, Optional.empty())).hasSize(2);
        assertThat(transcripts.messages(CARLA, Optional.empty())).hasSize(1);
    }

    @Test
    void forgetsAConversationWithoutNewMessagesForTheIdleTimeout() {
        var transcripts = transcripts(10, 10, Duration.ofMinutes(30));
        transcripts.append(ANA, incoming("oi"));
        clock.advance(Duration.ofMinutes(20));
        transcripts.append(BRUNO, incoming("oi"));

        clock.advance(Duration.ofMinutes(10));

        assertThat(transcripts.messages(ANA, Optional.empty())).isEmpty();
        assertThat(transcripts.messages(BRUNO, Optional.empty())).hasSize(1);
        assertThat(transcripts.conversationCount()).isEqualTo(1);
    }

    @Test
    void aNewMessageKeepsAConversationAliveButReadingItDoesNot() {
        var transcripts = transcripts(10, 10, Duration.ofMinutes(30));
        transcripts.append(ANA, incoming("oi"));
        transcripts.append(BRUNO, incoming("oi"));
        clock.advance(Duration.ofMinutes(20));
        transcripts.append(ANA, outgoing("Olá!"));
        transcripts.messages(BRUNO, Optional.empty());

        clock.advance(Duration.ofMinutes(15));

        assertThat(transcripts.messages(ANA, Optional.empty())).hasSize(2);
        assertThat(transcripts.messages(BRUNO, Optional.empty())).isEmpty();
    }

    @Test
    void refusesLimitsThatWouldKeepNothing() {
        assertThatIllegalArgumentException().isThrownBy(() -> transcripts(0, 10, Duration.ofHours(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> transcripts(10, 0, Duration.ofHours(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> transcripts(10, 10, Duration.ZERO));
    }

    private Transcripts transcripts(int maxConversations, int maxMessagesPerConversation, Duration idleTimeout) {
        return new Transcripts(maxConversations, maxMessagesPerConversation, idleTimeout, clock);
    }

    private TranscriptMessage incoming(String text) {
        return TranscriptMessage.incoming(id(), text, clock.instant());
    }

    private TranscriptMessage outgoing(String text, Button... buttons) {
        return TranscriptMessage.outgoing(id(), text, List.of(buttons), clock.instant());
    }

    private UUID id() {
        return new UUID(0, nextId++);
    }
}
