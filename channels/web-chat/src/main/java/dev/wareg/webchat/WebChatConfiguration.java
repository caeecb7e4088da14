package dev.wareg.webchat;

import dev.wareg.platform.defaults.RequestBodyLimit;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web chat channel: a WhatsApp-like page at {@code /} and its API under {@code /web-chat/api}. The embedded
 * default imports this class; {@link WebChatApplication} runs it alone. Settings: {@link WebChatProperties}.
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
    TranscriptDrain webChatTranscriptDrain(WebChatProperties properties) {
        return new TranscriptDrain(properties.shutdownDrain());
    }

    // Registered for the API paths only, so the page and everything else the host application serves are untouched.
    @Bean
    FilterRegistrationBean<RequestBodyLimit> webChatRequestBodyLimit(WebChatProperties properties, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimit(properties.maxRequestBodySize().toBytes(), json));
        registration.addUrlPatterns(API_PATH + "/*");
        return registration;
    }
}
