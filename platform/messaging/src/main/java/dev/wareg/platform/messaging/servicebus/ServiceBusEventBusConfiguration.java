package dev.wareg.platform.messaging.servicebus;

import dev.wareg.platform.messaging.DeadLetterCounter;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.EventTracing;
import dev.wareg.platform.messaging.InMemoryProcessedEvents;
import dev.wareg.platform.messaging.MessagingAutoConfiguration;
import dev.wareg.platform.messaging.MessagingProperties;
import dev.wareg.platform.messaging.PersonKeys;
import dev.wareg.platform.messaging.ProcessedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Wires the Azure Service Bus bus when {@code wareg.messaging.bus=azure-service-bus} and the service depends on
 * {@code com.microsoft.azure:azure-servicebus-jms} (the messaging module declares it optional). The broker is
 * reached as {@code wareg.messaging.servicebus.*} says: a connection string, a managed identity, or a plain AMQP URL.
 */
@AutoConfiguration(before = MessagingAutoConfiguration.class)
@ConditionalOnClass(name = "com.microsoft.azure.servicebus.jms.ServiceBusJmsConnectionFactory")
@ConditionalOnProperty(name = "wareg.messaging.bus", havingValue = "azure-service-bus")
@EnableConfigurationProperties({MessagingProperties.class, ServiceBusProperties.class})
public class ServiceBusEventBusConfiguration {

    /** Until a durable store is configured: then a redelivery after a restart may be handled twice. */
    @Bean
    @ConditionalOnMissingBean(ProcessedEvents.class)
    InMemoryProcessedEvents processedEvents(MessagingProperties properties, ObjectProvider<Clock> clock) {
        return new InMemoryProcessedEvents(properties.processedRetention(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(EventBus.class)
    ServiceBusEventBus serviceBusEventBus(MessagingProperties properties, ServiceBusProperties serviceBus,
            ProcessedEvents processedEvents, ObjectProvider<EventTracing> tracing, ObjectProvider<Clock> clock,
            ObjectProvider<MeterRegistry> meters, ObjectProvider<PersonKeys> keys) {
        var bus = new ServiceBusEventBus(ServiceBusConnections.connectionFactory(serviceBus), properties, serviceBus,
                processedEvents, tracing.getIfAvailable(() -> EventTracing.NONE), clock.getIfAvailable(Clock::systemUTC),
                new DeadLetterCounter(meters.getIfAvailable()), PersonKeys.chosen(keys, properties));
        bus.forgetErasedPeople();
        return bus;
    }
}
