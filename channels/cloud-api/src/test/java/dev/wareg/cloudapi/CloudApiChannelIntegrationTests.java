package dev.wareg.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.contracts.SendMessage;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.testsupport.FakeGraphApi;
import dev.wareg.testsupport.FakeGraphApi.GraphError;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The channel as {@link CloudApiApplication} runs it, on the in-process bus, with the fake Graph API as Meta: a
 * signed delivery is marked read, a reply on the bus reaches the person, and a rejected token shows in health.
 */
@SpringBootTest(classes = CloudApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wareg.cloud-api.app-secret=" + CloudApiChannelIntegrationTests.SECRET,
                "wareg.cloud-api.graph.access-token=" + CloudApiChannelIntegrationTests.TOKEN,
                "wareg.cloud-api.graph.phone-number-id=106540352242922",
                "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
class CloudApiChannelIntegrationTests {

    static final String SECRET = "the-app-secret";
    static final String TOKEN = "the-access-token";
    private static final FakeGraphApi graph = FakeGraphApi.start(TOKEN);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    EventBus bus;

    @DynamicPropertySource
    static void graphApi(DynamicPropertyRegistry registry) {
        registry.add("wareg.cloud-api.graph.base-url", () -> graph.baseUrl().toString());
    }

    @AfterAll
    static void stopGraph() {
        graph.close();
    }

    @Test
    void aMessageIsMarkedReadTheReplyReachesThePersonAndARejectedTokenTurnsHealthDown() throws Exception {
        String body = new String(Webhooks.fixture("text"), StandardCharsets.UTF_8).replace("wamid.TEXT1",
                "wamid.CHANNEL1");
        assertThat(post("/webhook", body).statusCode()).isEqualTo(200);
        await(() -> graph.readReceipts().size() == 1);
        assertThat(graph.readReceipts().getFirst().body().path("message_id").asString()).isEqualTo("wamid.CHANNEL1");

        bus.publish(new SendMessage(UUID.randomUUID(), Instant.now(), "cloud-api", "+5511987654321",
                "Qual é o novo e-mail?", List.of(), "pt-BR"));
        assertThat(graph.awaitSent(1, PATIENCE).getFirst().text()).isEqualTo("Qual é o novo e-mail?");
        assertThat(get("/health").statusCode()).isEqualTo(200);

        graph.failNext(GraphError.tokenExpired());
        bus.publish(new SendMessage(UUID.randomUUID(), Instant.now(), "cloud-api", "+5511987654321", "Pronto!",
                List.of(), "pt-BR"));
        await(() -> get("/health").statusCode() == 503);
        assertThat(get("/health").body()).isEqualTo("{\"status\":\"DOWN\"}");
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", Webhooks.signature(SECRET, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static void await(Condition condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not in " + PATIENCE + "; the Graph API got " + graph.calls());
            }
            Thread.sleep(50);
        }
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }
}
