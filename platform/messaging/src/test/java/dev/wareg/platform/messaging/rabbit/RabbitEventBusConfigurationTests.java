package dev.wareg.platform.messaging.rabbit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.InMemoryProcessedEvents;
import dev.wareg.platform.messaging.InProcessEventBus;
import dev.wareg.platform.messaging.MessagingAutoConfiguration;
import dev.wareg.platform.messaging.PersonKeys;
import dev.wareg.platform.messaging.RedisPersonKeys;
import dev.wareg.platform.messaging.RedisPersonKeysConfiguration;
import dev.wareg.platform.messaging.ProcessedEvents;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The bus is chosen by a setting; nothing here connects to a broker (no subscriptions, so nothing to declare). */
class RabbitEventBusConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RabbitAutoConfiguration.class, MessagingAutoConfiguration.class,
                    RedisPersonKeysConfiguration.class, RabbitEventBusConfiguration.class));

    @Test
    void theInProcessBusUnlessRabbitMqIsChosen() {
        context.run(context -> {
            assertThat(context).hasSingleBean(InProcessEventBus.class);
            assertThat(context).doesNotHaveBean(RabbitEventBus.class);
        });
    }

    @Test
    void rabbitMqWithConfirmsOnItsOwnConnectionsAndBootsConnectionSettings() {
        context.withPropertyValues("wareg.messaging.bus=rabbitmq", "spring.rabbitmq.host=rabbit.example",
                        "spring.rabbitmq.port=5673", "wareg.messaging.rabbitmq.namespace=staging")
                .run(context -> {
                    assertThat(context).hasSingleBean(EventBus.class);
                    assertThat(context.getBean(EventBus.class)).isInstanceOf(RabbitEventBus.class);
                    assertThat(context.getBean(RabbitEventBus.class).topology().eventsExchange())
                            .isEqualTo("staging.events");
                    // Boot's own connection factory is still the one the application's other code gets.
                    assertThat(context.getBean(ConnectionFactory.class).isPublisherConfirms()).isFalse();
                    CachingConnectionFactory bus = context.getBean(RabbitEventBusConfiguration.CONNECTION_FACTORY,
                            CachingConnectionFactory.class);
                    assertThat(bus.isPublisherConfirms()).isTrue();
                    assertThat(bus.isPublisherReturns()).isTrue();
                    assertThat(bus.getHost()).isEqualTo("rabbit.example");
                    assertThat(bus.getPort()).isEqualTo(5673);
                    assertThat(context).hasSingleBean(InMemoryProcessedEvents.class);
                    assertThat(context.getBean(RabbitBusProperties.class).prefetch()).isEqualTo(16);
                });
    }

    @Test
    void personKeysInRedisWhenChosenAndNoneByDefault() {
        context.withPropertyValues("wareg.messaging.bus=rabbitmq", "wareg.messaging.person-keys=redis")
                .run(context -> {
                    assertThat(context).hasSingleBean(RabbitEventBus.class);
                    assertThat(context).hasSingleBean(RedisPersonKeys.class);
                });
        context.withPropertyValues("wareg.messaging.bus=rabbitmq")
                .run(context -> assertThat(context).doesNotHaveBean(PersonKeys.class));
    }

    @Test
    void aPersonKeyStoreTheBusCannotHaveStopsTheServiceAtStart() {
        context.withPropertyValues("wareg.messaging.bus=rabbitmq", "wareg.messaging.person-keys=database")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("wareg.messaging.person-keys=database is not available with the rabbitmq bus"));
    }

    @Test
    void aDurableProcessedEventsStoreTakesThePlaceOfTheInMemoryOne() {
        ProcessedEvents durable = new ProcessedEvents() {
            @Override
            public boolean isProcessed(String subscriber, UUID eventId) {
                return false;
            }

            @Override
            public void markProcessed(String subscriber, UUID eventId) {
            }
        };
        context.withPropertyValues("wareg.messaging.bus=rabbitmq")
                .withBean(ProcessedEvents.class, () -> durable)
                .run(context -> {
                    assertThat(context).hasSingleBean(ProcessedEvents.class);
                    assertThat(context).doesNotHaveBean(InMemoryProcessedEvents.class);
                    assertThat(context).hasSingleBean(RabbitEventBus.class);
                });
    }

    @Test
    void theRabbitMqSettingsHaveDefaultsThatWorkOutOfTheBox() {
        context.withPropertyValues("wareg.messaging.bus=rabbitmq").run(context -> {
            RabbitBusProperties rabbit = context.getBean(RabbitBusProperties.class);
            assertThat(rabbit.namespace()).isEqualTo("wareg");
            assertThat(rabbit.confirmTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(rabbit.publishTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(rabbit.recoveryInterval()).isEqualTo(Duration.ofSeconds(5));
        });
    }
}
