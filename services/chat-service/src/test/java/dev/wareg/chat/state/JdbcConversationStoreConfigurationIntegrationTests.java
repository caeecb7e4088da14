package dev.wareg.chat.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.wareg.chat.ChatProperties;
import dev.wareg.chat.conversation.ConversationStore;
import dev.wareg.testsupport.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The JDBC store is there exactly when chosen, on the application's DataSource; the others need none. */
class JdbcConversationStoreConfigurationIntegrationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(JdbcConversationStoreConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(ChatProperties.class, () -> new ChatProperties(Locale.forLanguageTag("pt-BR"),
                    Duration.ofMinutes(30), 1000, "chat-service", null, Duration.ofMinutes(5),
                    new ChatProperties.Handoff(false, ""),
                java.util.List.of("web-chat", "cloud-api", "whatsapp-web")));

    @Test
    void choosingTheJdbcStoreKeepsConversationsInTheApplicationsDatabase() {
        var schema = TestPostgres.freshSchema();
        try (var database = new HikariDataSource()) {
            database.setJdbcUrl(schema.url());
            database.setUsername(schema.username());
            database.setPassword(schema.password());

            context.withPropertyValues("wareg.chat.conversation-store=jdbc")
                    .withBean(DataSource.class, () -> database)
                    .run(started -> assertThat(started).getBean(ConversationStore.class)
                            .isInstanceOf(JdbcConversationStore.class));
        }
    }

    @Test
    void theOtherStoresNeedNoDatabase() {
        context.withPropertyValues("wareg.chat.conversation-store=memory")
                .run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(JdbcConversationStore.class));
        context.withPropertyValues("wareg.chat.conversation-store=redis")
                .run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(JdbcConversationStore.class));
    }
}
