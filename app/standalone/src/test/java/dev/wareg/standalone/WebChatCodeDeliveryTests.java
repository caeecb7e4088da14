package dev.wareg.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class WebChatCodeDeliveryTests {

    private final WebChatCodeDelivery delivery = new WebChatCodeDelivery();

    @Test
    void withoutAWhatsAppChannelTheCodesAreShownInTheDemoPanel() {
        assertThat(codeDelivery(new MockEnvironment())).isEqualTo("phone-panel");
        assertThat(codeDelivery(new MockEnvironment().withProperty(WebChatCodeDelivery.PROPERTY, "")))
                .as("application.properties' empty default").isEqualTo("phone-panel");
    }

    @Test
    void withAWhatsAppChannelTheCodesGoOverIt() {
        assertThat(codeDelivery(new MockEnvironment().withProperty(CloudApiChannel.APP_SECRET, "secret")
                .withProperty(WhatsAppWebChannel.SECRET, "other"))).isEqualTo("cloud-api");
        assertThat(codeDelivery(new MockEnvironment().withProperty(WhatsAppWebChannel.SECRET, "secret")))
                .isEqualTo("whatsapp-web");
    }

    @Test
    void aChosenDeliveryWins() {
        assertThat(codeDelivery(new MockEnvironment().withProperty(WebChatCodeDelivery.PROPERTY, "phone-panel")
                .withProperty(CloudApiChannel.APP_SECRET, "secret"))).isEqualTo("phone-panel");
    }

    private String codeDelivery(MockEnvironment environment) {
        delivery.postProcessEnvironment(environment, null);
        return environment.getProperty(WebChatCodeDelivery.PROPERTY);
    }
}
