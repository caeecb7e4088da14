package dev.wareg.chat.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.EventHandler;
import dev.wareg.testsupport.TestPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The staff queue is there exactly where the deployment is staffed, in the store the conversations use; the metrics
 * are there either way.
 */
class StaffQueueConfigurationIntegrationTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StaffQueueProperties.class)
    static class Settings {
    }

    private static final EventBus BUS = new EventBus() {
        @Override
        public void publish(IntegrationEvent event) {
        }

        @Override
        public <E extends IntegrationEvent> void subscribe(String subscriber, Class<E> type, EventHandler<E> handler) {
        }
    };

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, HandoffMetrics.class, StaffQueueConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(EventBus.class, () -> BUS);

    @Test
    void unstaffedThereIsNoQueueButTheMetricsReadZero() {
        context.run(started -> {
            assertThat(started).hasNotFailed().doesNotHaveBean(StaffQueue.class).doesNotHaveBean(HandoffStore.class);
            assertThat(started.getBean(MeterRegistry.class).get("wareg.handoffs.waiting").gauge().value()).isZero();
        });
    }

    @Test
    void staffedTheQueueKeepsItsEntriesWhereTheConversationsAre() {
        context.withPropertyValues("wareg.chat.handoff.staffed=true").run(started -> {
            assertThat(started).hasSingleBean(StaffQueue.class);
            assertThat(started).getBean(HandoffStore.class).isInstanceOf(InMemoryHandoffStore.class);
            assertThat(started.getBean(StaffQueueProperties.class))
                    .isEqualTo(new StaffQueueProperties(java.time.Duration.ofHours(24), "chat-service", java.util.Map.of()));
        });
        context.withPropertyValues("wareg.chat.handoff.staffed=true", "wareg.chat.conversation-store=redis")
                .run(started -> assertThat(started).getBean(HandoffStore.class)
                        .isInstanceOf(RedisHandoffStore.class));

        var schema = TestPostgres.freshSchema();
        try (var database = new HikariDataSource()) {
            database.setJdbcUrl(schema.url());
            database.setUsername(schema.username());
            database.setPassword(schema.password());
            context.withPropertyValues("wareg.chat.handoff.staffed=true", "wareg.chat.conversation-store=jdbc")
                    .withBean(DataSource.class, () -> database)
                    .run(started -> assertThat(started).getBean(HandoffStore.class)
                            .isInstanceOf(JdbcHandoffStore.class));
        }
    }
}
