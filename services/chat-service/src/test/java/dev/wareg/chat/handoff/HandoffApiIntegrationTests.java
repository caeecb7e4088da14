package dev.wareg.chat.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.jwk.ECKey;
import dev.wareg.chat.ChatServiceApplication;
import dev.wareg.contracts.HandoffRequested;
import dev.wareg.platform.defaults.ServiceAuthProperties;
import dev.wareg.platform.defaults.ServiceKeys;
import dev.wareg.platform.defaults.ServiceTokens;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.testsupport.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * chat-service as a staffed deployment runs it, over HTTP: requests on the bus reach the staff queue, which staff read
 * and claim with tokens carrying the right scope and audience; the chat's other endpoints need no token, as before.
 */
@SpringBootTest(classes = ChatServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=chat-service", "wareg.chat.handoff.staffed=true",
        "wareg.chat.interpret-endpoint.enabled=true"})
class HandoffApiIntegrationTests {

    /** The staff tool's key; chat-service knows its public half and gives it both handoff scopes. */
    private static final ECKey STAFF_TOOL = ServiceKeys.generate();
    /** A tool that may only read the queue. */
    private static final ECKey READER = ServiceKeys.generate();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TestPostgres.Schema schema = TestPostgres.freshSchema();

    /** The test classpath has Boot's JDBC support (test-support's), which wants a database; the service has none. */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerAsDataSource(registry);
        registry.add("wareg.chat.client-key", () -> ServiceKeys.privatePem(ServiceKeys.generate()));
        registry.add("wareg.chat.staff-queue.clients.staff-tool.public-key", () -> ServiceKeys.publicPem(STAFF_TOOL));
        registry.add("wareg.chat.staff-queue.clients.staff-tool.scopes", () -> "handoffs:read,handoffs:write");
        registry.add("wareg.chat.staff-queue.clients.reader.public-key", () -> ServiceKeys.publicPem(READER));
        registry.add("wareg.chat.staff-queue.clients.reader.scopes", () -> "handoffs:read");
    }

    @LocalServerPort
    int port;

    @Autowired
    EventBus bus;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void withoutATokenTheQueueIsClosedWithAProblem() throws Exception {
        var list = send(request("/api/handoffs").GET());
        var claim = send(request("/api/handoffs/" + UUID.randomUUID() + "/claim").POST(BodyPublishers.noBody()));

        for (var response : List.of(list, claim)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(JSON.readTree(response.body()).path("type").asString()).isEqualTo("/problems/unauthenticated");
        }
    }

    @Test
    void aTokenForAccountApiDoesNotOpenTheQueue() throws Exception {
        String forAccountApi = new ServiceTokens("staff-tool", List.of("handoffs:read"), STAFF_TOOL,
                new ServiceAuthProperties("wareg", "account-api"), Clock.systemUTC()).authorization();

        assertThat(send(request("/api/handoffs").header("Authorization", forAccountApi).GET()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aToolUnknownToTheQueueOrSigningWithAnotherToolsKeyIsRefused() throws Exception {
        var unknown = send(request("/api/handoffs")
                .header("Authorization", token("stranger", ServiceKeys.generate(), "handoffs:read")).GET());
        var otherKey = send(request("/api/handoffs")
                .header("Authorization", token("staff-tool", READER, "handoffs:read")).GET());

        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(otherKey.statusCode()).isEqualTo(401);
    }

    @Test
    void aScopeAToolClaimsBeyondWhatTheQueueGaveItIsNotGranted() throws Exception {
        var claim = send(request("/api/handoffs/" + UUID.randomUUID() + "/claim")
                .header("Authorization", token("reader", READER, "handoffs:read", "handoffs:write"))
                .POST(BodyPublishers.noBody()));
        var list = send(request("/api/handoffs")
                .header("Authorization", token("reader", READER, "handoffs:read", "handoffs:write")).GET());

        assertThat(claim.statusCode()).isEqualTo(403);
        assertThat(list.statusCode()).isEqualTo(200);
    }

    @Test
    void eachOperationNeedsItsScope() throws Exception {
        var readOnly = send(request("/api/handoffs/" + UUID.randomUUID() + "/claim")
                .header("Authorization", token("handoffs:read")).POST(BodyPublishers.noBody()));
        var writeOnly = send(request("/api/handoffs").header("Authorization", token("handoffs:write")).GET());
        var accountsScope = send(request("/api/handoffs").header("Authorization", token("accounts:read")).GET());

        for (var response : List.of(readOnly, writeOnly, accountsScope)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(response.body()).path("type").asString()).isEqualTo("/problems/forbidden");
        }
    }

    @Test
    void staffListWhoWaitsOldestFirstAndClaimOneOnce() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var earlier = new HandoffRequested(UUID.randomUUID(), now.minus(Duration.ofMinutes(7)), "cloud-api",
                "+5521912345678", "en");
        var later = new HandoffRequested(UUID.randomUUID(), now.minus(Duration.ofMinutes(2)), "web-chat",
                "+5511987654321", "pt-BR");
        bus.publish(later);
        bus.publish(earlier);
        await().atMost(Duration.ofSeconds(10)).until(() -> ids(list()).containsAll(
                List.of(earlier.eventId().toString(), later.eventId().toString())));

        JsonNode waiting = list();
        List<String> ids = ids(waiting);
        assertThat(ids.indexOf(earlier.eventId().toString())).isLessThan(ids.indexOf(later.eventId().toString()));
        JsonNode first = waiting.get(ids.indexOf(earlier.eventId().toString()));
        assertThat(first.path("channel").asString()).isEqualTo("cloud-api");
        assertThat(first.path("conversationId").asString()).isEqualTo("+5521912345678");
        assertThat(first.path("language").asString()).isEqualTo("en");
        assertThat(Instant.parse(first.path("requestedAt").asString())).isEqualTo(earlier.occurredAt());
        assertThat(first.path("waitingSeconds").asLong()).isBetween(7 * 60L, 7 * 60L + 30);

        var claimed = claim(earlier.eventId());
        assertThat(claimed.statusCode()).isEqualTo(200);
        JsonNode entry = JSON.readTree(claimed.body());
        assertThat(entry.path("id").asString()).isEqualTo(earlier.eventId().toString());
        assertThat(entry.path("conversationId").asString()).isEqualTo("+5521912345678");
        assertThat(entry.path("claimedBy").asString()).isEqualTo("staff-tool");
        assertThat(entry.path("claimedAt").isMissingNode()).isFalse();
        assertThat(ids(list())).doesNotContain(earlier.eventId().toString()).contains(later.eventId().toString());

        var again = claim(earlier.eventId());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(again.body()).path("type").asString()).isEqualTo("/problems/handoff-claimed");
    }

    @Test
    void claimingAnUnknownHandoffIsNotFound() throws Exception {
        var response = claim(UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("type").asString()).isEqualTo("/problems/handoff-not-found");
    }

    @Test
    void theChatsOtherEndpointsNeedNoToken() throws Exception {
        var interpret = send(request("/api/interpret").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"text\": \"quero falar com um atendente\"}")));
        var health = send(request("/health").GET());
        var metrics = send(request("/actuator/prometheus").GET());

        assertThat(interpret.statusCode()).isEqualTo(200);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("wareg_handoffs_waiting", "wareg_handoffs_oldest_wait_seconds",
                "wareg_handoffs_claimed_total", "wareg_handoffs_expired_total");
    }

    private JsonNode list() throws Exception {
        var response = send(request("/api/handoffs").header("Authorization", token("handoffs:read")).GET());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> claim(UUID id) throws Exception {
        return send(request("/api/handoffs/" + id + "/claim").header("Authorization", token("handoffs:write"))
                .POST(BodyPublishers.noBody()));
    }

    private static List<String> ids(JsonNode entries) {
        return entries.valueStream().map(entry -> entry.path("id").asString()).toList();
    }

    private static String token(String... scopes) {
        return token("staff-tool", STAFF_TOOL, scopes);
    }

    private static String token(String tool, ECKey key, String... scopes) {
        return new ServiceTokens(tool, List.of(scopes), key, new ServiceAuthProperties("wareg", "chat-service"),
                Clock.systemUTC()).authorization();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), BodyHandlers.ofString());
    }
}
