package dev.wareg.worker.updates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.wareg.contracts.AccountErasureRequested;
import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.contracts.RegistrationUpdateRejected;
import dev.wareg.contracts.RegistrationUpdateRejected.ReasonCode;
import dev.wareg.platform.defaults.ServiceAuthProperties;
import dev.wareg.platform.defaults.ServiceKeys;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.EventHandler;
import dev.wareg.platform.messaging.PermanentFailure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * Erasures against a real HTTP server that answers like account-api would, scripted per test: the worker erases,
 * publishes nothing on success (account-api announces the erasure), and answers what cannot be erased.
 */
class AccountErasuresIntegrationTests {

    private static final UUID ACCOUNT = UUID.fromString("0190a000-0000-7000-8000-000000000002");
    private static final ECKey WORKER_KEY = RegistrationUpdatesIntegrationTests.WORKER_KEY;

    private HttpServer server;
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private final List<RegistrationUpdatesIntegrationTests.Recorded> requests = new CopyOnWriteArrayList<>();
    private final List<IntegrationEvent> published = new ArrayList<>();
    private final List<Duration> pauses = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** The correlation id of the erasure the audit trail holds, for GET .../changes after a 410. */
    private volatile String erasedFor = "someone-else";

    @BeforeEach
    void startAccountApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/accounts", exchange -> {
            requests.add(new RegistrationUpdatesIntegrationTests.Recorded(exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), ""));
            int status;
            byte[] body;
            if (exchange.getRequestMethod().equals("GET")) {
                status = 200;
                body = ("{\"items\":[{\"kind\":\"erased\",\"actor\":\"update-worker\",\"correlationId\":\"" + erasedFor
                        + "\"}],\"page\":0,\"size\":1,\"totalItems\":3}").getBytes(StandardCharsets.UTF_8);
            } else {
                status = statuses.isEmpty() ? 204 : statuses.poll();
                body = status == 204 ? new byte[0]
                        : ("{\"type\":\"/problems/x\",\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", status < 300 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anErasureIsADeleteNamingTheRequestAndTheConversationAndPublishesNothing() throws Exception {
        var request = erasure();
        worker(4).erase(request);

        var sent = requests.getFirst();
        assertThat(sent.method()).isEqualTo("DELETE");
        assertThat(sent.path()).isEqualTo("/v1/accounts/" + ACCOUNT);
        assertThat(sent.headers().get("X-correlation-id")).containsExactly(request.eventId().toString());
        assertThat(sent.headers().get("X-channel")).containsExactly("cloud-api");
        assertThat(sent.headers().get("X-conversation-id")).containsExactly("5511987654321");
        assertThat(published).as("account-api announces the erasure, once").isEmpty();
        assertThat(meters.counter(UpdateMetrics.ERASURES_APPLIED).count()).isEqualTo(1);
    }

    @Test
    void theWorkersTokenCarriesTheEraseScope() throws Exception {
        worker(4).erase(erasure());

        String token = requests.getFirst().headers().get("Authorization").getFirst().substring("Bearer ".length());
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("accounts:erase").contains("accounts:read");
        // Signed with the worker's own key, which account-api knows by its public half and its id.
        var jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(WORKER_KEY.getKeyID());
        assertThat(jwt.verify(new ECDSAVerifier(WORKER_KEY.toPublicJWK()))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("update-worker");
    }

    @Test
    void aGoneAccountThatThisRequestErasedIsDoneNotRefused() throws Exception {
        var request = erasure();
        erasedFor = request.eventId().toString();
        statuses.add(410);

        worker(4).erase(request);

        assertThat(requests).extracting(RegistrationUpdatesIntegrationTests.Recorded::method)
                .containsExactly("DELETE", "GET");
        assertThat(requests.get(1).path()).isEqualTo("/v1/accounts/" + ACCOUNT + "/changes");
        assertThat(published).isEmpty();
        assertThat(meters.counter(UpdateMetrics.ERASURES_APPLIED).count()).isEqualTo(1);
    }

    @Test
    void aGoneOrUnknownAccountIsRejectedAtOnceAsUnknown() {
        for (int status : List.of(410, 404)) {
            published.clear();
            statuses.add(status);
            var request = erasure();
            assertThatThrownBy(() -> worker(4).erase(request))
                    .isInstanceOf(PermanentFailure.class).hasMessageStartingWith("UNKNOWN_ACCOUNT");
            assertThat(published).singleElement().isInstanceOfSatisfying(RegistrationUpdateRejected.class, rejected -> {
                assertThat(rejected.requestId()).isEqualTo(request.eventId());
                assertThat(rejected.reasonCode()).isEqualTo(ReasonCode.UNKNOWN_ACCOUNT);
                assertThat(rejected.channel()).isEqualTo("cloud-api");
                assertThat(rejected.conversationId()).isEqualTo("5511987654321");
                assertThat(rejected.eventId()).isEqualTo(RegistrationUpdates.rejectionId(request.eventId()));
            });
        }
        assertThat(pauses).as("refusals are not retried").isEmpty();
        assertThat(meters.counter(UpdateMetrics.ERASURES_REJECTED, "reason", "unknown-account").count()).isEqualTo(2);
    }

    @Test
    void aTokenWithoutTheEraseScopeIsRejectedAtOnceAsUnavailable() {
        statuses.add(403);
        assertThatThrownBy(() -> worker(4).erase(erasure()))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("accounts:erase");

        assertThat(requests).hasSize(1);
        assertThat(published).singleElement().isInstanceOfSatisfying(RegistrationUpdateRejected.class,
                rejected -> assertThat(rejected.reasonCode()).isEqualTo(ReasonCode.UNAVAILABLE));
        assertThat(meters.counter(UpdateMetrics.ERASURES_REJECTED, "reason", "unavailable").count()).isEqualTo(1);
    }

    @Test
    void transientFailuresAreRetriedWithGrowingPausesThenRejectedAsUnavailable() throws Exception {
        statuses.addAll(List.of(503, 429));
        worker(4).erase(erasure());
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(published).isEmpty();

        statuses.addAll(List.of(503, 503, 401));
        assertThatThrownBy(() -> worker(3).erase(erasure()))
                .isInstanceOf(PermanentFailure.class).hasMessage("UNAVAILABLE: account-api answered 401 (after 3 attempts)");
        assertThat(published).singleElement().isInstanceOf(RegistrationUpdateRejected.class);
        assertThat(meters.counter(UpdateMetrics.RETRIES).count()).isEqualTo(4);
    }

    @Test
    void anUnreachableAccountApiIsRetriedThenRejected() {
        server.stop(0);
        assertThatThrownBy(() -> worker(2).erase(erasure())).isInstanceOf(PermanentFailure.class)
                .hasMessageStartingWith("UNAVAILABLE: account-api could not be reached");
        assertThat(pauses).hasSize(1);
    }

    private AccountErasures worker(int maxAttempts) {
        var properties = new WorkerProperties(
                new WorkerProperties.AccountApi(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(2)),
                new WorkerProperties.Worker(new WorkerProperties.Retry(maxAttempts, Duration.ofMillis(200), Duration.ofSeconds(5)),
                        "update-worker", ServiceKeys.privatePem(WORKER_KEY)));
        var writer = new AccountApiWriter(RestClient.builder(), properties,
                new ServiceAuthProperties("wareg", "account-api"), Clock.systemUTC());
        return new AccountErasures(bus(), writer, properties.worker().retry(), pauses::add, ceiling -> ceiling / 2,
                Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC), new UpdateMetrics(meters));
    }

    private EventBus bus() {
        return new EventBus() {
            @Override
            public void publish(IntegrationEvent event) {
                published.add(event);
            }

            @Override
            public <E extends IntegrationEvent> void subscribe(String subscriber, Class<E> type, EventHandler<E> handler) {
            }
        };
    }

    private static AccountErasureRequested erasure() {
        return new AccountErasureRequested(UUID.randomUUID(), Instant.now(), ACCOUNT, "cloud-api", "5511987654321");
    }
}
