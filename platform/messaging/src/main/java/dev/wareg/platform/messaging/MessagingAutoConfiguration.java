package dev.wareg.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the in-process bus unless another adapter is chosen ({@code wareg.messaging.bus}) or provided. */
@AutoConfiguration
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(EventBus.class)
    @ConditionalOnProperty(name = "wareg.messaging.bus", havingValue = "in-process", matchIfMissing = true)
    InProcessEventBus inProcessEventBus(MessagingProperties properties, ObjectProvider<Clock> clock,
                                        ObjectProvider<MeterRegistry> meters) {
        return new InProcessEventBus(properties.maxAttempts(), clock.getIfAvailable(Clock::systemUTC),
                new DeadLetterCounter(meters.getIfAvailable()));
    }

    /** Adapters' configurations run before this one, so their dead letters are seen here. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Endpoint.class)
    static class DeadLettersEndpointConfiguration {

        @Bean
        @ConditionalOnBean(DeadLetters.class)
        @ConditionalOnMissingBean
        DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters) {
            return new DeadLettersEndpoint(deadLetters);
        }
    }
}
