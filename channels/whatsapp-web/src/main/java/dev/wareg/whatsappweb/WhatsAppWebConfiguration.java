package dev.wareg.whatsappweb;

import dev.wareg.platform.defaults.RequestBodyLimit;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.InMemoryChannelMessageIds;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WhatsApp Web channel's Java half: what the Baileys sidecar forwards comes in at {@code POST
 * /whatsapp-web/messages}, and the bot's replies go out through the sidecar's {@code POST /messages} (the contract
 * in {@code docs/channels.md}). {@link WhatsAppWebApplication} runs it alone; another application may import it.
 * Settings: {@link WhatsAppWebProperties}.
 */
@Configuration(proxyBeanMethods = false)
// Not the application class: an application that imports this configuration brings its own. Nor, as with
// @SpringBootApplication, what tests keep to themselves (@TestConfiguration).
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = WhatsAppWebApplication.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class)})
@EnableConfigurationProperties(WhatsAppWebProperties.class)
public class WhatsAppWebConfiguration {

    /** The channel name in {@code MessageReceived} and {@code SendMessage}. */
    public static final String CHANNEL = "whatsapp-web";

    static final String MESSAGES_PATH = "/whatsapp-web/messages";
    /** The bean that keeps the ids of the messages already handed to the bus (other channels keep their own). */
    static final String MESSAGE_IDS = "whatsappWebMessageIds";
    static final String SIGNATURE_HEADER = "X-Wareg-Signature-256";

    // Registered for the sidecar's path only, so whatever else the host application serves is untouched.
    @Bean
    FilterRegistrationBean<RequestBodyLimit> whatsappWebRequestBodyLimit(WhatsAppWebProperties properties,
                                                                        JsonMapper json) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimit(properties.maxBodySize().toBytes(), json));
        registration.addUrlPatterns(MESSAGES_PATH);
        return registration;
    }

    @Bean(MESSAGE_IDS)
    @ConditionalOnProperty(name = "wareg.whatsapp-web.dedupe", havingValue = "memory", matchIfMissing = true)
    InMemoryChannelMessageIds whatsappWebInMemoryMessageIds(WhatsAppWebProperties properties, Clock clock) {
        return new InMemoryChannelMessageIds(properties.dedupeTtl(), clock);
    }

    // Actuator (from service-defaults) provides the registry; a host without it still runs, uncounted.
    @Bean
    InboundMetrics whatsappWebInboundMetrics(ObjectProvider<MeterRegistry> registry) {
        return new InboundMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    OutboundMetrics whatsappWebOutboundMetrics(ObjectProvider<MeterRegistry> registry) {
        return new OutboundMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    SidecarClient whatsappWebSidecarClient(RestClient.Builder builder, WhatsAppWebProperties properties,
                                           JsonMapper json, Clock clock) {
        return new SidecarClient(builder, properties, json, clock);
    }

    @Bean
    OutboundMessages whatsappWebOutboundMessages(EventBus bus, SidecarClient sidecar, OutboundMetrics metrics,
                                                 WhatsAppWebProperties properties) {
        return new OutboundMessages(bus, sidecar, metrics, properties.retry(), duration -> Thread.sleep(duration),
                ceiling -> ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    @Bean
    Erasures whatsappWebErasures(EventBus bus, SidecarClient sidecar) {
        return new Erasures(bus, sidecar);
    }

    /** Named so that it shows as {@code whatsappWeb} in {@code /actuator/health}. */
    @Bean
    SidecarHealth whatsappWeb(RestClient.Builder builder, WhatsAppWebProperties properties, JsonMapper json) {
        return new SidecarHealth(builder, properties, json);
    }
}
