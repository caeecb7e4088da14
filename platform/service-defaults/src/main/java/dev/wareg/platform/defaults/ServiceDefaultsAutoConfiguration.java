package dev.wareg.platform.defaults;

import io.micrometer.observation.ObservationFilter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Clock;
import org.springframework.beans.factory.config.BeanPostProcessor;
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

    /** Every span exporter Boot configures (OTLP) sends spans without failures' messages. */
    @Bean
    static BeanPostProcessor errorDetailsDropped() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof SpanExporter exporter && !(bean instanceof ErrorDetailsDropped)
                        ? new ErrorDetailsDropped(exporter) : bean;
            }
        };
    }

    /** Boot applies every {@link ObservationFilter} bean to its observation registry (HTTP server and clients). */
    @Bean
    ObservationFilter urlTemplatesOnly() {
        return new UrlTemplatesOnly();
    }
}
