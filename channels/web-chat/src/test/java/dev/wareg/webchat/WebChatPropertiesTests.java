package dev.wareg.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class WebChatPropertiesTests {

    @Test
    void theDefaultsSendCodesOverWhatsAppWithTheDocumentedLimits() {
        WebChatProperties properties = bind(Map.of());

        assertThat(properties.codeDelivery()).isEqualTo(WebChatProperties.CodeDeliveryChannel.CLOUD_API);
        assertThat(properties.codes()).isEqualTo(new WebChatProperties.Codes(Duration.ofMinutes(5), 5, 3, 10,
                Duration.ofMinutes(15), 10_000));
        assertThat(properties.sessions()).isEqualTo(new WebChatProperties.Sessions(Duration.ofMinutes(30), 10_000));
    }

    @Test
    void theDeliveryIsWrittenAsInTheDocs() {
        assertThat(bind(Map.of("wareg.web-chat.code-delivery", "phone-panel")).codeDelivery())
                .isEqualTo(WebChatProperties.CodeDeliveryChannel.PHONE_PANEL);
        assertThat(bind(Map.of("wareg.web-chat.code-delivery", "whatsapp-web")).codeDelivery().value())
                .isEqualTo("whatsapp-web");
        assertThat(bind(Map.of("wareg.web-chat.codes.per-client", "1000")).codes().perClient()).isEqualTo(1000);
    }

    private static WebChatProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("wareg.web-chat", Bindable.of(WebChatProperties.class));
    }
}
