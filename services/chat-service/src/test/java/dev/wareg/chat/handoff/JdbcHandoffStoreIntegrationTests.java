package dev.wareg.chat.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.wareg.chat.state.ConversationKey;
import dev.wareg.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The JDBC store against the machine's PostgreSQL ({@link TestPostgres}), each test on a schema of its own. */
class JdbcHandoffStoreIntegrationTests extends HandoffStoreContract {

    private HikariDataSource database;

    @Override
    HandoffStore emptyStore() {
        var schema = TestPostgres.freshSchema();
        database = new HikariDataSource();
        database.setJdbcUrl(schema.url());
        database.setUsername(schema.username());
        database.setPassword(schema.password());
        database.setMaximumPoolSize(4);
        database.setMinimumIdle(0);
        return new JdbcHandoffStore(database);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void entriesOutliveARestart() {
        Handoff request = request("web-chat", PHONE, NOW);
        store.add(request);

        assertThat(new JdbcHandoffStore(database).waiting()).containsExactly(request);
    }

    @Test
    void theKeyIsAHashOfChannelAndPerson() {
        store.add(request("web-chat", PHONE, NOW));

        assertThat(jdbc().sql("select conversation_key from chat_handoff").query(String.class).single())
                .isEqualTo(ConversationKey.of("web-chat", PHONE))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void sharesASchemaWithTheConversationsAndTheirHistory() {
        Flyway conversations = Flyway.configure().dataSource(database).table("chat_schema_history")
                .locations("classpath:dev/wareg/chat/state/db")
                .baselineOnMigrate(true).baselineVersion("0").load();
        conversations.migrate();

        var restarted = new JdbcHandoffStore(database);
        Handoff request = request("web-chat", PHONE, NOW);
        restarted.add(request);

        assertThat(conversations.validateWithResult().validationSuccessful).isTrue();
        assertThat(jdbc().sql("select count(*) from chat_conversation").query(Integer.class).single()).isZero();
        assertThat(store.waiting()).containsExactly(request);
    }

    private JdbcClient jdbc() {
        return JdbcClient.create(database);
    }
}
