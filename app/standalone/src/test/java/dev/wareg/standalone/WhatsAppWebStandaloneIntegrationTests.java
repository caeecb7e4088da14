package dev.wareg.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.testsupport.FakeWhatsAppWebSidecar;
import dev.wareg.testsupport.FreePorts;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded default with {@code WHATSAPP_WEB_SECRET} set serves the WhatsApp Web channel beside the web chat (and
 * here beside the Cloud API channel too: each keeps its own message ids): a message the (fake) sidecar forwards to
 * {@code /whatsapp-web/messages} is answered through the sidecar's {@code /messages}, options written as numbered
 * lines, and the answer goes on the conversation.
 */
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = WebEnvironment.DEFINED_PORT,
        properties = {"WHATSAPP_WEB_SECRET=" + WhatsAppWebStandaloneIntegrationTests.SECRET,
                "WHATSAPP_APP_SECRET=standalone-cloud-api-secret", "WHATSAPP_ACCESS_TOKEN=unused",
                "WHATSAPP_PHONE_NUMBER_ID=106540352242922", "WHATSAPP_GRAPH_BASE_URL=http://127.0.0.1:9"})
class WhatsAppWebStandaloneIntegrationTests {

    static final String SECRET = "standalone-whatsapp-web-secret";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int PORT = FreePorts.next();
    private static final FakeWhatsAppWebSidecar sidecar = FakeWhatsAppWebSidecar.start(SECRET);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("WHATSAPP_WEB_SIDECAR_URL", () -> sidecar.baseUrl().toString());
    }

    @AfterAll
    static void stopSidecar() {
        sidecar.close();
    }

    private static Map<String, Object> message(String phone, String text) {
        return Map.of("messageId", "3EB0" + System.nanoTime(), "sender", phone,
                "timestamp", "2026-11-25T18:30:00Z", "type", "text", "text", text);
    }

    @Test
    void aMessageFromTheSidecarIsAnsweredThroughTheSidecar() throws Exception {
        String phone = "+55119" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        URI channel = URI.create("http://127.0.0.1:" + PORT);

        var accepted = sidecar.forward(channel, message(phone, "oi"));

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(JsonMapper.builder().build().readTree(accepted.body()).path("status").asString())
                .isEqualTo("accepted");
        var welcome = sidecar.awaitSent(phone, call -> call.text().contains("Quer se cadastrar agora?"), PATIENCE);
        assertThat(welcome).hasValueSatisfying(call -> assertThat(call.text()).contains("\n\n1. Sim"));

        // The number of the option, as people answer numbered lines.
        sidecar.forward(channel, message(phone, "1"));
        assertThat(sidecar.awaitSent(phone, call -> "Qual é o seu nome completo?".equals(call.text()), PATIENCE))
                .isPresent();
    }
}
