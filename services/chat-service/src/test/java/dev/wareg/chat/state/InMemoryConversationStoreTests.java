package dev.wareg.chat.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.chat.ChatProperties;
import dev.wareg.chat.conversation.Conversation;
import dev.wareg.chat.conversation.Stage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryConversationStoreTests {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void returnsWhatWasSavedUntilItsTimeToLiveRunsOut() {
        var properties = new ChatProperties(Locale.ROOT, Duration.ofMinutes(30), 1000, "chat-service", Duration.ofMinutes(5));
        var store = new InMemoryConversationStore(Clock.fixed(NOW.plus(Duration.ofMinutes(29)), ZoneOffset.UTC), properties);
        store.save(conversation("+5511987654321", NOW));
        assertThat(store.find("web-chat", "+5511987654321")).isPresent();
        assertThat(store.find("cloud-api", "+5511987654321")).isEmpty();

        var later = new InMemoryConversationStore(Clock.fixed(NOW.plus(Duration.ofMinutes(30)), ZoneOffset.UTC), properties);
        later.save(conversation("+5511987654321", NOW));
        assertThat(later.find("web-chat", "+5511987654321")).isEmpty();
    }

    @Test
    void deleteForgetsTheConversation() {
        var store = new InMemoryConversationStore(Clock.fixed(NOW, ZoneOffset.UTC),
                new ChatProperties(Locale.ROOT, Duration.ofMinutes(30), 1000, "chat-service", Duration.ofMinutes(5)));
        store.save(conversation("+5511987654321", NOW));
        store.delete("web-chat", "+5511987654321");
        assertThat(store.find("web-chat", "+5511987654321")).isEmpty();
    }

    private static Conversation conversation(String sender, Instant updatedAt) {
        return new Conversation("web-chat", sender, Locale.forLanguageTag("pt-BR"), Stage.COLLECTING, null, null,
                false, List.of("email"), List.of("name"), Map.of(), Map.of("name", "Maria"), null, 0, null, null, 0,
                updatedAt);
    }
}
