package dev.wareg.standalone;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * How the embedded default's web chat sends its one-time codes, unless {@code wareg.web-chat.code-delivery} says:
 * over the WhatsApp channel this application runs, the Cloud API first ({@link CloudApiChannel}) then WhatsApp Web
 * ({@link WhatsAppWebChannel}); with neither, in the page's demo phone panel, since nothing else could reach the
 * number. That last mode proves nothing about who holds the number, which is why this application listens on
 * 127.0.0.1 unless {@code SERVER_ADDRESS} says otherwise.
 */
class WebChatCodeDelivery implements EnvironmentPostProcessor {

    static final String PROPERTY = "wareg.web-chat.code-delivery";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty(PROPERTY))) {
            return;
        }
        // First, to win over application.properties' empty WEB_CHAT_CODE_DELIVERY default.
        environment.getPropertySources().addFirst(new MapPropertySource("webChatCodeDelivery",
                Map.of(PROPERTY, choose(environment))));
    }

    static String choose(ConfigurableEnvironment environment) {
        if (StringUtils.hasText(environment.getProperty(CloudApiChannel.APP_SECRET))) {
            return "cloud-api";
        }
        if (StringUtils.hasText(environment.getProperty(WhatsAppWebChannel.SECRET))) {
            return "whatsapp-web";
        }
        return "phone-panel";
    }
}
