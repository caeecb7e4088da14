package dev.wareg.webchat;

import dev.wareg.platform.defaults.IdGenerator;
import dev.wareg.platform.defaults.RequestBodyLimit;
import dev.wareg.platform.messaging.EventBus;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web chat channel: a WhatsApp-like page at {@code /} and its API under {@code /web-chat/api}. The embedded
 * default imports this class; {@link WebChatApplication} runs it alone. Settings: {@link WebChatProperties}.
 *
 * <p>A browser chats as a number only after proving it with a one-time code sent to that number
 * ({@link SessionController}); how the code travels is {@code wareg.web-chat.code-delivery}.
 */
@Configuration(proxyBeanMethods = false)
// Not the application class: an application that imports this configuration brings its own.
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
        classes = WebChatApplication.class))
@EnableConfigurationProperties(WebChatProperties.class)
public class WebChatConfiguration {

    /** The channel name in {@code MessageReceived} and {@code SendMessage}, and this channel's subscriber name. */
    static final String CHANNEL = "web-chat";

    static final String API_PATH = "/web-chat/api";

    @Bean
    Transcripts webChatTranscripts(WebChatProperties properties, Clock clock) {
        return new Transcripts(properties.maxConversations(), properties.maxMessagesPerConversation(),
                properties.conversationIdleTimeout(), clock);
    }

    @Bean
    OneTimeCodes webChatCodes(WebChatProperties properties, Clock clock) {
        var codes = properties.codes();
        return new OneTimeCodes(codes.validity(), codes.maxAttempts(), codes.maxPending(), clock, new SecureRandom());
    }

    @Bean
    CodeRequestLimits webChatCodeRequestLimits(WebChatProperties properties, Clock clock) {
        var codes = properties.codes();
        return new CodeRequestLimits(codes.perPhone(), codes.perClient(), codes.window(), codes.maxPending(), clock);
    }

    @Bean
    Sessions webChatSessions(WebChatProperties properties, Clock clock) {
        return new Sessions(properties.sessions().idleTimeout(), properties.sessions().max(), clock,
                new SecureRandom());
    }

    @Bean
    Erasures webChatErasures(EventBus bus, Transcripts transcripts, Sessions sessions, OneTimeCodes codes,
                             CodeRequestLimits limits, Optional<PhonePanel> panel) {
        return new Erasures(bus, transcripts, sessions, codes, limits, panel);
    }

    @Bean
    TranscriptDrain webChatTranscriptDrain(WebChatProperties properties) {
        return new TranscriptDrain(properties.shutdownDrain());
    }

    // Registered for the API paths only, so the page and everything else the host application serves are untouched.
    /** The page and everything under the web chat's paths; not the other pages of an application it is part of. */
    @Bean
    FilterRegistrationBean<PageSecurityHeaders> webChatPageSecurityHeaders() {
        var registration = new FilterRegistrationBean<>(new PageSecurityHeaders());
        registration.addUrlPatterns("/", "/index.html", "/web-chat/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimit> webChatRequestBodyLimit(WebChatProperties properties, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimit(properties.maxRequestBodySize().toBytes(), json));
        registration.addUrlPatterns(API_PATH + "/*");
        return registration;
    }

    @Bean
    @Conditional(WhatsAppDelivery.class)
    WhatsAppCodeDelivery webChatWhatsAppCodeDelivery(WebChatProperties properties, EventBus bus, IdGenerator ids,
                                                     Clock clock) {
        return new WhatsAppCodeDelivery(properties.codeDelivery().value(), bus, ids, clock);
    }

    /**
     * The demo phone (and its endpoint, PhonePanelController) exist only in {@code phone-panel} mode, and only on a
     * loopback address unless {@code wareg.web-chat.phone-panel-on-network} says otherwise.
     */
    @Configuration(proxyBeanMethods = false)
    @Conditional(PhonePanelDelivery.class)
    static class PhonePanelMode {

        @Bean
        PhonePanel webChatPhonePanel(WebChatProperties properties, Clock clock, Environment environment) {
            String address = environment.getProperty("server.address");
            if (!properties.phonePanelOnNetwork() && !isLoopback(address)) {
                throw new IllegalStateException("The web chat shows one-time codes on the page (code delivery "
                        + "phone-panel), so anyone reaching it could sign in as any number, and it listens on "
                        + (address == null ? "every address" : address) + ". Listen on 127.0.0.1 (SERVER_ADDRESS), "
                        + "send the codes over WhatsApp (wareg.web-chat.code-delivery=cloud-api or whatsapp-web), or, "
                        + "for a demo whose port is reachable from this machine only, set "
                        + "wareg.web-chat.phone-panel-on-network=true.");
            }
            return new PhonePanel(properties.codes().maxPending(), clock);
        }

        private static boolean isLoopback(String address) {
            if (address == null || address.isBlank()) {
                return false;
            }
            try {
                return InetAddress.getByName(address).isLoopbackAddress();
            } catch (UnknownHostException unknown) {
                return false;
            }
        }
    }

    static final class PhonePanelDelivery extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var mode = codeDelivery(context);
            return mode == WebChatProperties.CodeDeliveryChannel.PHONE_PANEL
                    ? ConditionOutcome.match("web chat codes are shown in the demo phone panel")
                    : ConditionOutcome.noMatch("web chat codes go over " + mode.value());
        }
    }

    static final class WhatsAppDelivery extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var mode = codeDelivery(context);
            return mode != WebChatProperties.CodeDeliveryChannel.PHONE_PANEL
                    ? ConditionOutcome.match("web chat codes go over " + mode.value())
                    : ConditionOutcome.noMatch("web chat codes are shown in the demo phone panel");
        }
    }

    // Bound the way WebChatProperties binds it, so "phone-panel", "PHONE_PANEL" and the default all agree.
    private static WebChatProperties.CodeDeliveryChannel codeDelivery(ConditionContext context) {
        return Binder.get(context.getEnvironment())
                .bind("wareg.web-chat.code-delivery", WebChatProperties.CodeDeliveryChannel.class)
                .orElse(WebChatProperties.CodeDeliveryChannel.CLOUD_API);
    }
}
