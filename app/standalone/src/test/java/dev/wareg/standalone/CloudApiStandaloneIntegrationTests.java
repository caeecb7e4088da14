package dev.wareg.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.testsupport.FreePorts;
import dev.wareg.testsupport.MetaWebhooks;
import dev.wareg.testsupport.FakeGraphApi;
import dev.wareg.testsupport.WhatsAppUser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;
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
        StandaloneTest.Base.trustTheTestClients(registry);
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

    /**
     * A person who hides their number writes with Meta's business-scoped user id only (no {@code from}): told how to
     * link, they share their contact card, get a code by WhatsApp on that number, type it, and are then served as
     * that number's owner, here registering it.
     */
    @Test
    void aSenderKnownOnlyByABusinessScopedUserIdLinksTheirNumberWithACode() throws Exception {
        String phone = "+55119" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        String userId = "BR." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 16);
        var http = HttpClient.newHttpClient();
        var owner = new WhatsAppUser(http, URI.create("http://127.0.0.1:" + PORT), SECRET, graph, phone);

        hidden(http, userId, Map.of("type", "text", "text", Map.of("body", "oi")));
        assertThat(awaitTo(userId, text -> text.contains("compartilhe o seu próprio contato"))).isTrue();

        hidden(http, userId, Map.of("type", "contacts", "contacts", List.of(Map.of(
                "name", Map.of("formatted_name", "Ana Souza", "first_name", "Ana"),
                "phones", List.of(Map.of("phone", phone, "wa_id", phone.substring(1), "type", "CELL"))))));
        assertThat(awaitTo(userId, text -> text.startsWith("Enviei um código de 6 dígitos"))).isTrue();
        var texted = owner.awaitReply(reply -> reply.text() != null && reply.text().startsWith("Seu código"),
                PATIENCE);
        assertThat(texted).isPresent();
        var code = Pattern.compile("\\b(\\d{6})\\b").matcher(texted.get().text());
        assertThat(code.find()).isTrue();

        hidden(http, userId, Map.of("type", "text", "text", Map.of("body", code.group(1))));
        assertThat(awaitTo(userId, text -> text.contains("foi confirmado"))).isTrue();
        hidden(http, userId, Map.of("type", "text", "text", Map.of("body", "oi")));
        assertThat(awaitTo(userId, text -> text.contains("Quer se cadastrar agora?"))).isTrue();
        for (String[] turn : new String[][] {{"Sim", "Qual é o seu nome completo?"},
                {"Ana Souza", "Qual é o seu e-mail?"}, {"ana@exemplo.com.br", "Posso salvar?"},
                {"Confirmar", "Pronto! Seu cadastro foi criado."}}) {
            hidden(http, userId, Map.of("type", "text", "text", Map.of("body", turn[0])));
            assertThat(awaitTo(userId, text -> text.contains(turn[1]))).as(turn[1]).isTrue();
        }

        // The registration's link outlives the conversation: account-api finds the account by the sender id.
        var account = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/v1/accounts?sender="
                        + URLEncoder.encode("cloud-api:" + userId, StandardCharsets.UTF_8)))
                .header("Authorization", StandaloneTest.Base.readerToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(account.statusCode()).as(account.body()).isEqualTo(200);
        assertThat(account.body()).contains("\"phone\":\"" + phone + "\"");
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

    /** A signed delivery from a person Meta names only by their business-scoped user id: no {@code from}. */
    private static void hidden(HttpClient http, String userId, Map<String, Object> content) throws Exception {
        var message = new LinkedHashMap<String, Object>();
        message.put("user_id", userId);
        message.put("id", "wamid." + UUID.randomUUID());
        message.put("timestamp", String.valueOf(System.currentTimeMillis() / 1000));
        message.putAll(content);
        byte[] body = MetaWebhooks.delivery(Map.of("messages", List.of(message)));
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/webhook"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", MetaWebhooks.signature(SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** Whether a message to this recipient whose text matches was sent through the Graph API, waiting for it. */
    private static boolean awaitTo(String recipient, Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (graph.sent().stream().anyMatch(call -> recipient.equals(call.to()) && call.text() != null
                    && wanted.test(call.text()))) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
