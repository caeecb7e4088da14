package dev.wareg.chat.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.wareg.chat.conversation.CodeSends;
import dev.wareg.chat.conversation.CodesPerNumberProperties;
import dev.wareg.testsupport.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The codes per number are counted where the conversations are kept, with defaults that work out of the box. */
class CodeSendsConfigurationIntegrationTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CodesPerNumberProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, CodeSendsConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void theCountsAreKeptWhereTheConversationsAre() {
        context.run(started -> {
            assertThat(started).getBean(CodeSends.class).isInstanceOf(InMemoryCodeSends.class);
            assertThat(started.getBean(CodesPerNumberProperties.class))
                    .isEqualTo(new CodesPerNumberProperties(3, Duration.ofHours(1)));
        });
        context.withPropertyValues("wareg.chat.conversation-store=redis")
                .run(started -> assertThat(started).getBean(CodeSends.class).isInstanceOf(RedisCodeSends.class));

        var schema = TestPostgres.freshSchema();
        try (var database = new HikariDataSource()) {
            database.setJdbcUrl(schema.url());
            database.setUsername(schema.username());
            database.setPassword(schema.password());
            context.withPropertyValues("wareg.chat.conversation-store=jdbc")
                    .withBean(DataSource.class, () -> database)
                    .run(started -> assertThat(started).getBean(CodeSends.class).isInstanceOf(JdbcCodeSends.class));
        }
    }

    @Test
    void aWindowOrLimitThatAllowsNothingStopsTheStart() {
        context.withPropertyValues("wareg.chat.codes-per-number.window=0s")
                .run(started -> assertThat(started).hasFailed());
        context.withPropertyValues("wareg.chat.codes-per-number.max=0")
                .run(started -> assertThat(started).hasFailed());
    }
}
