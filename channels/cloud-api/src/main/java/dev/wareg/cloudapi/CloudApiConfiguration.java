package dev.wareg.cloudapi;

import dev.wareg.platform.defaults.RequestBodyLimit;
import dev.wareg.platform.messaging.InMemoryChannelMessageIds;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WhatsApp Business Cloud API channel: Meta's webhook at {@code /webhook} in, the Graph API out (package
 * {@code outbound}). {@link CloudApiApplication} runs it alone; another application may import it. Settings: {@link
 * CloudApiProperties} and {@code GraphApiProperties}.
 */
@Configuration(proxyBeanMethods = false)
// Not the application class: an application that imports this configuration brings its own. Nor, as with
// @SpringBootApplication, what tests keep to themselves (@TestConfiguration).
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = CloudApiApplication.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class)})
@EnableConfigurationProperties(CloudApiProperties.class)
public class CloudApiConfiguration {

    /** The channel name in {@code MessageReceived} and {@code SendMessage}. */
    public static final String CHANNEL = "cloud-api";

    static final String WEBHOOK_PATH = "/webhook";
    /** The bean that keeps the ids of the messages already handed to the bus. */
    static final String MESSAGE_IDS = "cloudApiMessageIds";

    // Registered for the webhook only, so whatever else the host application serves is untouched.
    @Bean
    FilterRegistrationBean<RequestBodyLimit> cloudApiRequestBodyLimit(CloudApiProperties properties, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimit(properties.maxBodySize().toBytes(), json));
        registration.addUrlPatterns(WEBHOOK_PATH);
        return registration;
    }

    // Named, since another channel in the same application (the embedded default) keeps ids of its own.
    @Bean(MESSAGE_IDS)
    @ConditionalOnProperty(name = "wareg.cloud-api.dedupe", havingValue = "memory", matchIfMissing = true)
    InMemoryChannelMessageIds cloudApiInMemoryMessageIds(CloudApiProperties properties, Clock clock) {
        return new InMemoryChannelMessageIds(properties.dedupeTtl(), clock);
    }

    // Actuator (from service-defaults) provides the registry; a host without it still runs, uncounted.
    @Bean
    WebhookMetrics cloudApiWebhookMetrics(ObjectProvider<MeterRegistry> registry) {
        return new WebhookMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    }
}
