package dev.wareg.chat.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.wareg.chat.conversation.CodeSends;
import dev.wareg.chat.conversation.CodesPerNumberProperties;
import dev.wareg.testsupport.SettableClock;
import dev.wareg.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The JDBC store against the machine's PostgreSQL ({@link TestPostgres}), each test on a schema of its own. */
class JdbcCodeSendsIntegrationTests extends CodeSendsContract {

    private final SettableClock clock = new SettableClock(NOW);
    private HikariDataSource database;

    @Override
    CodeSends emptyStore() {
        var schema = TestPostgres.freshSchema();
        database = new HikariDataSource();
        database.setJdbcUrl(schema.url());
        database.setUsername(schema.username());
        database.setPassword(schema.password());
        database.setMaximumPoolSize(4);
        database.setMinimumIdle(0);
        return new JdbcCodeSends(database, clock, new CodesPerNumberProperties(3, HOUR));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void countsOutliveARestartAndTheRowIsKeyedByTheHashOnly() {
        store.tryCount(NUMBER, NOW, HOUR, 1);

        assertThat(new JdbcCodeSends(database, clock, new CodesPerNumberProperties(3, HOUR))
                .tryCount(NUMBER, NOW.plusSeconds(1), HOUR, 1)).isFalse();
        assertThat(JdbcClient.create(database).sql("select number_key from chat_code_send").query(String.class).list())
                .containsExactly(NUMBER);
    }

    @Test
    void thePurgeForgetsNumbersWithNoSendInTheWindow() {
        JdbcCodeSends sends = (JdbcCodeSends) store;
        sends.tryCount(NUMBER, NOW, HOUR, 3);
        sends.tryCount(OTHER_NUMBER, NOW.plus(HOUR.dividedBy(2)), HOUR, 3);

        clock.set(NOW.plus(HOUR));
        assertThat(sends.purgeExpired()).isEqualTo(1);

        assertThat(JdbcClient.create(database).sql("select number_key from chat_code_send").query(String.class).list())
                .containsExactly(OTHER_NUMBER);
    }
}
