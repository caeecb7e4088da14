package dev.wareg.platform.messaging.rabbit;

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
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.RabbitConnectionFactoryBean;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.amqp.autoconfigure.CachingConnectionFactoryConfigurer;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionFactoryBeanConfigurer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Wires the RabbitMQ bus when {@code wareg.messaging.bus=rabbitmq} and the service depends on
 * {@code spring-boot-amqp} (the messaging module declares it optional). The broker connection is configured the
 * Spring Boot way ({@code spring.rabbitmq.*}).
 */
@AutoConfiguration(after = RabbitAutoConfiguration.class, before = MessagingAutoConfiguration.class)
@ConditionalOnClass(RabbitTemplate.class)
@ConditionalOnProperty(name = "wareg.messaging.bus", havingValue = "rabbitmq")
@EnableConfigurationProperties({MessagingProperties.class, RabbitBusProperties.class})
public class RabbitEventBusConfiguration {

    static final String CONNECTION_FACTORY = "eventBusConnectionFactory";

    /**
     * The bus's own connections, built from Boot's settings but with the publisher confirms and returns the bus
     * depends on, whatever {@code spring.rabbitmq.publisher-confirm-type} says for the application's other uses.
     * Not a default candidate, so that it never competes with Boot's connection factory for injection.
     */
    @Bean(name = CONNECTION_FACTORY, defaultCandidate = false)
    CachingConnectionFactory eventBusConnectionFactory(RabbitConnectionFactoryBeanConfigurer rabbitConfigurer,
            CachingConnectionFactoryConfigurer cachingConfigurer) throws Exception {
        RabbitConnectionFactoryBean rabbit = new RabbitConnectionFactoryBean();
        rabbitConfigurer.configure(rabbit);
        rabbit.afterPropertiesSet();
        CachingConnectionFactory connectionFactory = new CachingConnectionFactory(rabbit.getObject());
        cachingConfigurer.configure(connectionFactory);
        connectionFactory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        connectionFactory.setPublisherReturns(true);
        return connectionFactory;
    }

    /** Until a durable store is configured: then a redelivery after a restart may be handled twice. */
    @Bean
    @ConditionalOnMissingBean(ProcessedEvents.class)
    InMemoryProcessedEvents processedEvents(MessagingProperties properties, ObjectProvider<Clock> clock) {
        return new InMemoryProcessedEvents(properties.processedRetention(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean(EventBus.class)
    RabbitEventBus rabbitEventBus(@Qualifier(CONNECTION_FACTORY) CachingConnectionFactory connectionFactory,
            MessagingProperties properties, RabbitBusProperties rabbit, ProcessedEvents processedEvents,
            ObjectProvider<EventTracing> tracing, ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters,
            ObjectProvider<PersonKeys> keys) {
        var bus = new RabbitEventBus(connectionFactory, properties, rabbit, processedEvents,
                tracing.getIfAvailable(() -> EventTracing.NONE), clock.getIfAvailable(Clock::systemUTC),
                new DeadLetterCounter(meters.getIfAvailable()), PersonKeys.chosen(keys, properties));
        bus.forgetErasedPeople();
        return bus;
    }
}
