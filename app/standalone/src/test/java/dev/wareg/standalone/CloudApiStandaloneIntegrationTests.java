package dev.wareg.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.testsupport.FreePorts;
import dev.wareg.testsupport.MetaWebhooks;
import dev.wareg.testsupport.FakeGraphApi;
import dev.wareg.testsupport.WhatsAppUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded default with {@code WHATSAPP_APP_SECRET} set serves the Cloud API channel at {@code /webhook} beside
 * the web chat: a person on WhatsApp registers through signed webhook deliveries, and the replies go out through
 * the (fake) Graph API as buttons.
 */
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = WebEnvironment.DEFINED_PORT,
        properties = {"WHATSAPP_APP_SECRET=" + CloudApiStandaloneIntegrationTests.SECRET,
                "WHATSAPP_ACCESS_TOKEN=" + CloudApiStandaloneIntegrationTests.TOKEN,
                "WHATSAPP_PHONE_NUMBER_ID=" + MetaWebhooks.PHONE_NUMBER_ID})
class CloudApiStandaloneIntegrationTests {

    static final String SECRET = "standalone-app-secret";
    static final String TOKEN = "standalone-access-token";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int PORT = FreePorts.next();
    private static final FakeGraphApi graph = FakeGraphApi.start(TOKEN);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("WHATSAPP_GRAPH_BASE_URL", () -> graph.baseUrl().toString());
    }

    @AfterAll
    static void stopGraph() {
        graph.close();
    }

    @Test
    void aPersonOnWhatsAppRegistersThroughTheWebhookAndTheGraphApi() throws Exception {
        String phone = "+55119" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        var maria = new WhatsAppUser(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:" + PORT), SECRET,
                graph, phone);

        maria.say("oi");
        assertThat(maria.awaitReply(reply -> reply.text().contains("Quer se cadastrar agora?"), PATIENCE))
                .hasValueSatisfying(reply -> assertThat(reply.buttonTitles()).contains("Sim"));
        maria.tap("Sim");
        assertThat(maria.awaitReply(reply -> "Qual é o seu nome completo?".equals(reply.text()), PATIENCE))
                .isPresent();
        maria.say("Maria da Silva");
        assertThat(maria.awaitReply(reply -> "Qual é o seu e-mail?".equals(reply.text()), PATIENCE)).isPresent();
        maria.say("maria@exemplo.com.br");
        assertThat(maria.awaitReply(reply -> reply.text().endsWith("Posso salvar?"), PATIENCE)).isPresent();
        maria.tap("Confirmar");

        assertThat(maria.awaitReply(reply -> reply.text().startsWith("Pronto! Seu cadastro foi criado."), PATIENCE))
                .isPresent();
        assertThat(maria.received()).allSatisfy(reply -> assertThat(reply.accepted()).isTrue());
    }

    @Test
    void theWebChatSendsItsCodesOverWhatsAppAndHasNoDemoPanel() throws Exception {
        String phone = "+55119" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        var http = HttpClient.newHttpClient();
        var joao = new WhatsAppUser(http, URI.create("http://127.0.0.1:" + PORT), SECRET, graph, phone);

        var sent = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/web-chat/api/sessions/codes"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"from\": \"" + phone + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        assertThat(sent.body()).contains("\"delivery\":\"cloud-api\"");
        assertThat(joao.awaitReply(reply -> reply.text() != null
                && reply.text().startsWith("Seu código para o chat na web é "), PATIENCE)).isPresent();
        var panel = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT
                        + "/web-chat/api/phone-panel?phone=%2B5511987654321")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(panel.statusCode()).isEqualTo(404);
    }
}
