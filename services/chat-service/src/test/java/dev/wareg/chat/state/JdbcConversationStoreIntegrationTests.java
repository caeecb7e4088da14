package dev.wareg.chat.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.wareg.chat.ChatProperties;
import dev.wareg.chat.conversation.Conversation;
import dev.wareg.chat.conversation.ConversationStore;
import dev.wareg.chat.conversation.Stage;
import dev.wareg.testsupport.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The JDBC store against the machine's PostgreSQL ({@link TestPostgres}), each test on a schema of its own.
 * Besides the contract: what a database adds (a restart, purging, racing first saves, sharing a schema).
 */
class JdbcConversationStoreIntegrationTests extends ConversationStoreContract {

    private HikariDataSource database;
    private ChatProperties properties;

    @Override
    ConversationStore emptyStore(Clock clock, ChatProperties properties) {
        var schema = TestPostgres.freshSchema();
        database = new HikariDataSource();
        database.setJdbcUrl(schema.url());
        database.setUsername(schema.username());
        database.setPassword(schema.password());
        database.setMaximumPoolSize(4);
        database.setMinimumIdle(0);
        this.properties = properties;
        return new JdbcConversationStore(database, clock, properties);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void aConversationOutlivesARestart() {
        Conversation confirming = store.save(inStage(collecting("web-chat", PHONE), Stage.CONFIRMING)).orElseThrow();

        var restarted = new JdbcConversationStore(database, clock, properties);

        assertThat(restarted.find("web-chat", PHONE)).contains(confirming);
        assertThat(restarted.save(inStage(confirming, Stage.APPLYING)))
                .hasValueSatisfying(applying -> assertThat(applying.revision()).isEqualTo(2));
    }

    @Test
    void purgingDeletesExpiredConversationsOnly() {
        store.save(collecting("web-chat", PHONE));
        clock.advance(Duration.ofMinutes(10));
        Conversation recent = store.save(collecting("web-chat", "+5521912345678")).orElseThrow();
        clock.advance(TTL.minus(Duration.ofMinutes(10)));

        assertThat(((JdbcConversationStore) store).purgeExpired()).isEqualTo(1);

        assertThat(jdbc().sql("select count(*) from chat_conversation").query(Integer.class).single()).isEqualTo(1);
        assertThat(store.find("web-chat", "+5521912345678")).contains(recent);
    }

    @Test
    void theKeyDoesNotNameTheSender() {
        store.save(collecting("web-chat", PHONE));

        assertThat(jdbc().sql("select conversation_key from chat_conversation").query(String.class).single())
                .isEqualTo(ConversationKey.of("web-chat", PHONE))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void sharesASchemaWithOtherFlywayHistories() {
        Flyway bus = Flyway.configure().dataSource(database).table("messaging_schema_history")
                .locations("classpath:dev/wareg/platform/messaging/jdbc/db")
                .baselineOnMigrate(true).baselineVersion("0").load();
        bus.migrate();

        var restarted = new JdbcConversationStore(database, clock, properties);
        Conversation saved = restarted.save(collecting("web-chat", PHONE)).orElseThrow();

        assertThat(bus.validateWithResult().validationSuccessful).isTrue();
        assertThat(store.find("web-chat", PHONE)).contains(saved);
        assertThat(jdbc().sql("select count(*) from messaging_outbox").query(Integer.class).single()).isZero();
    }

    private JdbcClient jdbc() {
        return JdbcClient.create(database);
    }
}
