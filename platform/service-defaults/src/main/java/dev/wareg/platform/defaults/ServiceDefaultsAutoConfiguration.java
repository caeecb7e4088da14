package dev.wareg.platform.defaults;

import io.micrometer.observation.ObservationFilter;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The defaults every service gets by depending on this module. Properties: {@link ServiceDefaultsEnvironment}. */
@AutoConfiguration
@Import(ProblemResponses.class)
@EnableConfigurationProperties(ServiceAuthProperties.class)
public class ServiceDefaultsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    IdGenerator idGenerator(Clock clock) {
        return new TimeOrderedIds(clock);
    }

    /** Boot applies every {@link ObservationFilter} bean to its observation registry (HTTP server and clients). */
    @Bean
    ObservationFilter urlTemplatesOnly() {
        return new UrlTemplatesOnly();
    }
}
