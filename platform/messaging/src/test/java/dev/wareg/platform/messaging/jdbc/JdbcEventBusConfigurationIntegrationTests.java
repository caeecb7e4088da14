package dev.wareg.platform.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.platform.messaging.DeadLetters;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.InProcessEventBus;
import dev.wareg.platform.messaging.MessagingAutoConfiguration;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class JdbcEventBusConfigurationIntegrationTests {

    private final TestBuses buses = new TestBuses();
    private final DataSource database = buses.freshSchema();
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MessagingAutoConfiguration.class, JdbcEventBusConfiguration.class))
            .withBean(DataSource.class, () -> database);

    @AfterEach
    void close() {
        buses.close();
    }

    @Test
    void choosingTheJdbcBusRunsItOnTheApplicationsDataSource() {
        context.withPropertyValues("wareg.messaging.bus=jdbc", "wareg.messaging.jdbc.poll-interval=2s",
                        "wareg.messaging.jdbc.workers-per-subscriber=3")
                .run(started -> {
                    assertThat(started).hasSingleBean(EventBus.class).doesNotHaveBean(InProcessEventBus.class);
                    assertThat(started.getBean(EventBus.class)).isInstanceOf(JdbcEventBus.class)
                            .isInstanceOf(DeadLetters.class);
                    assertThat(started.getBean(JdbcEventBus.class).isRunning()).isTrue();
                    assertThat(started.getBean(JdbcMessagingProperties.class))
                            .isEqualTo(new JdbcMessagingProperties(Duration.ofSeconds(2), 3, Duration.ofMinutes(1)));
                });
    }

    @Test
    void withoutChoosingItTheInProcessBusStays() {
        context.run(started -> assertThat(started).hasSingleBean(InProcessEventBus.class)
                .doesNotHaveBean(JdbcEventBus.class));
    }
}
