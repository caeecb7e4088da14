package dev.wareg.cloudapi.outbound;

import dev.wareg.platform.messaging.DeadLetters;
import dev.wareg.platform.messaging.EventBus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** The channel's outbound half: the bot's replies, and read receipts, through the Graph API. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphApiProperties.class)
class OutboundConfiguration {

    @Bean
    GraphApiClient cloudApiGraphClient(RestClient.Builder builder, GraphApiProperties properties, JsonMapper json) {
        return new GraphApiClient(builder, properties, json);
    }

    @Bean
    SendRateLimiter cloudApiSendRateLimiter(GraphApiProperties properties, Clock clock) {
        return new SendRateLimiter(properties.messagesPerSecond(), properties.recipientBurst(),
                properties.recipientInterval(), clock);
    }

    // Actuator (from service-defaults) provides the registry; a host without it still runs, uncounted.
    @Bean
    OutboundMetrics cloudApiOutboundMetrics(ObjectProvider<MeterRegistry> registry) {
        return new OutboundMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** Named so that it shows as {@code graphApi} in {@code /actuator/health}. */
    @Bean
    GraphApiHealth graphApi(ObjectProvider<MeterRegistry> registry, Clock clock) {
        return new GraphApiHealth(registry.getIfAvailable(SimpleMeterRegistry::new), clock);
    }

    @Bean
    OutboundMessages cloudApiOutboundMessages(EventBus bus, DeadLetters deadLetters, GraphApiClient graph,
                                              SendRateLimiter limiter, GraphApiHealth health,
                                              OutboundMetrics metrics, GraphApiProperties properties) {
        return new OutboundMessages(bus, deadLetters, graph, limiter, health, metrics, properties,
                duration -> Thread.sleep(duration), ceiling -> ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "wareg.cloud-api.graph.read-receipts", matchIfMissing = true)
    ReadReceipts cloudApiReadReceipts(EventBus bus, GraphApiClient graph, GraphApiHealth health,
                                      OutboundMetrics metrics) {
        return new ReadReceipts(bus, graph, health, metrics);
    }
}
