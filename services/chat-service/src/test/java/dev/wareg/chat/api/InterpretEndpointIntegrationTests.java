package dev.wareg.chat.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.chat.ChatServiceApplication;
import dev.wareg.platform.defaults.ServiceKeys;
import dev.wareg.testsupport.TestPostgres;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/interpret} switched on with a token, over HTTP: the token opens it, even on this machine nothing
 * else does, and a body over the limit is refused whole with a problem response. (Without a token, loopback callers
 * are answered: {@code HandoffApiIntegrationTests.theChatsOtherEndpointsNeedNoToken}; the rules per address:
 * {@link InterpretEndpointAccessTests}.)
 */
@SpringBootTest(classes = ChatServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=chat-service", "wareg.chat.interpret-endpoint.enabled=true",
        "wareg.chat.interpret-endpoint.token=" + InterpretEndpointIntegrationTests.TOKEN})
class InterpretEndpointIntegrationTests {

    static final String TOKEN = "tests-only-interpret-token-0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TestPostgres.Schema schema = TestPostgres.freshSchema();

    /** The test classpath has Boot's JDBC support (test-support's), which wants a database; the service has none. */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerAsDataSource(registry);
        registry.add("wareg.chat.client-key", () -> ServiceKeys.privatePem(ServiceKeys.generate()));
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> interpret(String authorization, HttpRequest.BodyPublisher body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/interpret"))
                .header("Content-Type", "application/json").POST(body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    @Test
    void theTokenOpensIt() throws Exception {
        var response = interpret("Bearer " + TOKEN, BodyPublishers.ofString("{\"text\": \"quero mudar meu e-mail\"}"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("intent").asString()).isEqualTo("UPDATE");
    }

    @Test
    void withoutItEvenACallerOnThisMachineIsUnauthenticated() throws Exception {
        for (String authorization : new String[] {null, "Bearer not-the-token-at-all-0000", "Basic " + TOKEN}) {
            var response = interpret(authorization, BodyPublishers.ofString("{\"text\": \"oi\"}"));

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(JSON.readTree(response.body()).path("type").asString()).isEqualTo("/problems/unauthenticated");
        }
    }

    @Test
    void theLongestMessageTheChatTakesFitsEvenWithEveryCharacterEscaped() throws Exception {
        String escaped = "\\u00e9".repeat(1000);

        var response = interpret("Bearer " + TOKEN, BodyPublishers.ofString("{\"text\": \"" + escaped + "\"}"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        byte[] large = ("{\"text\": \"" + "a".repeat(9 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        var declared = interpret("Bearer " + TOKEN, BodyPublishers.ofByteArray(large));
        // From a stream the client sends chunks without a Content-Length: the limit then counts what it reads.
        var chunked = interpret("Bearer " + TOKEN, BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large)));

        for (var response : List.of(declared, chunked)) {
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(response.body()).path("type").asString())
                    .isEqualTo("/problems/content-too-large");
        }
    }

    @Test
    void aCallerWithoutTheTokenIsRefusedBeforeItsBodyCounts() throws Exception {
        byte[] large = ("{\"text\": \"" + "a".repeat(9 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        assertThat(interpret(null, BodyPublishers.ofByteArray(large)).statusCode()).isEqualTo(401);
    }
}
