package dev.wareg.chat.llm;

import dev.wareg.chat.intentmodel.BlendedInterpreter;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.client.RestClient;

/**
 * The interpreter the conversation uses: {@link RulesFirstInterpreter}, {@code @Primary} over the
 * {@link BlendedInterpreter} (the rules and the trained intent model) it wraps. With
 * {@code wareg.chat.llm.enabled=false} (the default) it is that blend alone, and no HTTP client or circuit breaker is
 * made.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlmProperties.class)
class LlmConfiguration {

    @Bean
    @Primary
    RulesFirstInterpreter rulesFirstInterpreter(BlendedInterpreter rules, LlmProperties properties, Clock clock,
            ObjectProvider<RestClient.Builder> restClients, ObjectProvider<MeterRegistry> meters) {
        if (!properties.enabled()) {
            return RulesFirstInterpreter.rulesOnly(rules);
        }
        var ollama = new OllamaInterpreter(restClients.getIfAvailable(RestClient::builder), properties.baseUrl(),
                properties.model(), properties.timeout());
        return RulesFirstInterpreter.withModel(rules, ollama, properties.confidenceThreshold(),
                circuitBreaker(properties.circuitBreaker(), clock), meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /**
     * Judged on a count of consultations, and only once there are that many (Resilience4j's default minimum is
     * 100, which a window of 10 would never reach); when open for its time (by the injected clock), one
     * consultation tries again.
     */
    static CircuitBreaker circuitBreaker(LlmProperties.CircuitBreaker settings, Clock clock) {
        return CircuitBreaker.of("ollama", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.slidingWindowSize())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(clock)
                .build());
    }
}
