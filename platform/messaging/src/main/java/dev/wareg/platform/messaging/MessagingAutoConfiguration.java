package dev.wareg.platform.messaging;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Wires the in-process bus unless the application provides another {@link EventBus}. */
@AutoConfiguration
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(EventBus.class)
    InProcessEventBus inProcessEventBus(MessagingProperties properties, ObjectProvider<Clock> clock) {
        return new InProcessEventBus(properties.maxAttempts(), clock.getIfAvailable(Clock::systemUTC));
    }
}
