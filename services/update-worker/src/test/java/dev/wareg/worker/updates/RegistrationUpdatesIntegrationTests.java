package dev.wareg.worker.updates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import com.sun.net.httpserver.HttpServer;
import dev.wareg.contracts.FieldChange;
import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.contracts.RegistrationUpdateApplied;
import dev.wareg.contracts.RegistrationUpdateRejected;
import dev.wareg.contracts.RegistrationUpdateRejected.ReasonCode;
import dev.wareg.contracts.RegistrationUpdateRequested;
import dev.wareg.platform.defaults.ServiceAuthProperties;
import dev.wareg.platform.defaults.ServiceKeys;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.PermanentFailure;
import dev.wareg.platform.messaging.EventHandler;
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
 * The worker against a real HTTP server that answers like account-api would, scripted per test: what it sends,
 * how it retries, and what it publishes.
 */
class RegistrationUpdatesIntegrationTests {

    private static final UUID ACCOUNT = UUID.fromString("0190a000-0000-7000-8000-000000000001");

    private HttpServer server;
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final List<IntegrationEvent> published = new ArrayList<>();
    private final List<Duration> pauses = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    static final ECKey WORKER_KEY = ServiceKeys.generate();

    record Recorded(String method, String path, Map<String, List<String>> headers, String body) {
    }

    @BeforeEach
    void startAccountApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/accounts", exchange -> {
            requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            int status = statuses.isEmpty() ? 200 : statuses.poll();
            byte[] body = (status < 300
                    ? "{\"id\":\"" + ACCOUNT + "\",\"version\":4,\"name\":\"Maria\"}"
                    : "{\"type\":\"/problems/x\",\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status < 300 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anUpdateIsAMergePatchWithIfMatchAndTheEventIdAsIdempotencyKey() throws Exception {
        var request = update();
        worker(4).apply(request);

        Recorded sent = requests.getFirst();
        assertThat(sent.method()).isEqualTo("PATCH");
        assertThat(sent.path()).isEqualTo("/v1/accounts/" + ACCOUNT);
        assertThat(sent.headers().get("If-match")).containsExactly("\"3\"");
        assertThat(sent.headers().get("Idempotency-key")).containsExactly(request.eventId().toString());
        assertThat(sent.headers().get("Content-type")).containsExactly("application/merge-patch+json");
        assertThat(sent.headers().get("X-correlation-id")).containsExactly(request.eventId().toString());
        assertThat(sent.headers().get("X-channel")).containsExactly("web-chat");
        assertThat(sent.headers().get("Authorization")).singleElement().asString().startsWith("Bearer ey");
        assertThat(sent.body()).isEqualTo("{\"email\":\"maria@novo.com.br\"}");
        assertThat(published).singleElement().isInstanceOfSatisfying(RegistrationUpdateApplied.class, applied -> {
            assertThat(applied.requestId()).isEqualTo(request.eventId());
            assertThat(applied.accountId()).isEqualTo(ACCOUNT);
            assertThat(applied.accountVersion()).isEqualTo(4);
            assertThat(applied.conversationId()).isEqualTo("+5511987654321");
        });
    }

    @Test
    void aRegistrationPostsTheNewAccountWithTheSendersPhone() throws Exception {
        var request = new RegistrationUpdateRequested(UUID.randomUUID(), Instant.now(), null, "+5511987654321",
                Map.of("name", new FieldChange(null, "Maria")), null, "web-chat", "+5511987654321");
        worker(4).apply(request);

        assertThat(requests.getFirst().method()).isEqualTo("POST");
        assertThat(requests.getFirst().path()).isEqualTo("/v1/accounts");
        assertThat(requests.getFirst().body()).isEqualTo("{\"name\":\"Maria\",\"phone\":\"+5511987654321\"}");
        assertThat(published).singleElement().isInstanceOf(RegistrationUpdateApplied.class);
        assertThat(meters.counter(UpdateMetrics.APPLIED, "form", "registration").count()).isEqualTo(1);
    }

    @Test
    void transientFailuresAreRetriedWithGrowingPauses() throws Exception {
        statuses.addAll(List.of(503, 429, 500));
        worker(4).apply(update());

        assertThat(requests).hasSize(4);
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(published).singleElement().isInstanceOf(RegistrationUpdateApplied.class);
        assertThat(meters.counter(UpdateMetrics.RETRIES).count()).isEqualTo(3);
        assertThat(meters.counter(UpdateMetrics.APPLIED, "form", "update").count()).isEqualTo(1);
    }

    @Test
    void theOutcomeOfARequestHandledAgainHasTheSameIdSoThePersonIsToldOnce() throws Exception {
        var request = update();
        worker(4).apply(request);
        worker(4).apply(request);

        assertThat(published).hasSize(2).extracting(IntegrationEvent::eventId).containsOnly(
                RegistrationUpdates.appliedId(request.eventId())).doesNotContain(request.eventId());
    }

    @Test
    void aRequestRejectedAsUnavailableAndAppliedWhenHandledAgainIsToldAgainUnderAnotherId() throws Exception {
        var request = update();
        statuses.addAll(List.of(503, 503));
        assertThatThrownBy(() -> worker(2).apply(request)).isInstanceOf(PermanentFailure.class);
        worker(2).apply(request);

        assertThat(published).hasSize(2);
        assertThat(published.getFirst()).isInstanceOf(RegistrationUpdateRejected.class)
                .extracting(IntegrationEvent::eventId).isEqualTo(RegistrationUpdates.rejectionId(request.eventId()));
        assertThat(published.getLast()).isInstanceOf(RegistrationUpdateApplied.class)
                .extracting(IntegrationEvent::eventId).isEqualTo(RegistrationUpdates.appliedId(request.eventId()));
    }

    @Test
    void exhaustedRetriesAreRejectedAsUnavailable() throws Exception {
        statuses.addAll(List.of(503, 503, 503));
        assertThatThrownBy(() -> worker(3).apply(update()))
                .isInstanceOf(PermanentFailure.class).hasMessage("UNAVAILABLE: account-api answered 503 (after 3 attempts)");

        assertThat(requests).hasSize(3);
        assertThat(published).singleElement().isInstanceOfSatisfying(RegistrationUpdateRejected.class,
                rejected -> assertThat(rejected.reasonCode()).isEqualTo(ReasonCode.UNAVAILABLE));
    }

    @Test
    void aServiceTokenAccountApiDoesNotTakeIsRetriedAndNeverCalledAnInvalidValue() throws Exception {
        statuses.addAll(List.of(401, 403));
        worker(4).apply(update());
        assertThat(requests).hasSize(3);
        assertThat(published).singleElement().isInstanceOf(RegistrationUpdateApplied.class);

        published.clear();
        statuses.addAll(List.of(401, 401, 401));
        assertThatThrownBy(() -> worker(3).apply(update()))
                .isInstanceOf(PermanentFailure.class).hasMessage("UNAVAILABLE: account-api answered 401 (after 3 attempts)");
        assertThat(published).singleElement().isInstanceOfSatisfying(RegistrationUpdateRejected.class,
                rejected -> assertThat(rejected.reasonCode()).isEqualTo(ReasonCode.UNAVAILABLE));
    }

    @Test
    void anUnreachableAccountApiIsRetriedThenRejected() throws Exception {
        server.stop(0);
        assertThatThrownBy(() -> worker(2).apply(update())).isInstanceOf(PermanentFailure.class);

        assertThat(published).singleElement().isInstanceOfSatisfying(RegistrationUpdateRejected.class,
                rejected -> assertThat(rejected.reasonCode()).isEqualTo(ReasonCode.UNAVAILABLE));
        assertThat(pauses).hasSize(1);
        assertThat(meters.counter(UpdateMetrics.REJECTED, "form", "update", "reason", "unavailable").count())
                .isEqualTo(1);
        assertThat(meters.counter(UpdateMetrics.APPLIED, "form", "update").count()).isZero();
    }

    @Test
    void permanentRefusalsAreRejectedAtOnceWithTheirReason() throws Exception {
        for (var expected : Map.of(412, ReasonCode.STALE_VERSION, 404, ReasonCode.UNKNOWN_ACCOUNT,
                409, ReasonCode.CONFLICT, 400, ReasonCode.INVALID_VALUE).entrySet()) {
            published.clear();
            requests.clear();
            statuses.add(expected.getKey());
            assertThatThrownBy(() -> worker(4).apply(update()))
                    .as("a refused request becomes a dead letter with its reason code")
                    .isInstanceOf(PermanentFailure.class).hasMessageStartingWith(expected.getValue().name());
            assertThat(requests).hasSize(1);
            assertThat(published).singleElement().isInstanceOfSatisfying(RegistrationUpdateRejected.class,
                    rejected -> assertThat(rejected.reasonCode()).isEqualTo(expected.getValue()));
        }
        for (String reason : List.of("stale-version", "unknown-account", "conflict", "invalid-value")) {
            assertThat(meters.counter(UpdateMetrics.REJECTED, "form", "update", "reason", reason).count()).as(reason)
                    .isEqualTo(1);
        }
        assertThat(meters.counter(UpdateMetrics.RETRIES).count()).as("refusals are not retried").isZero();
    }

    @Test
    void backoffIsCappedAndJittered() {
        var retry = new WorkerProperties.Retry(10, Duration.ofMillis(200), Duration.ofSeconds(1));
        var updates = new RegistrationUpdates(bus(), null, retry, pauses::add, ceiling -> ceiling / 2, null,
                new UpdateMetrics(meters));
        assertThat(updates.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(updates.backoff(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(updates.backoff(9)).isEqualTo(Duration.ofMillis(500));
    }

    private RegistrationUpdates worker(int maxAttempts) {
        var properties = new WorkerProperties(
                new WorkerProperties.AccountApi(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(2)),
                new WorkerProperties.Worker(new WorkerProperties.Retry(maxAttempts, Duration.ofMillis(200), Duration.ofSeconds(5)),
                        "update-worker", ServiceKeys.privatePem(WORKER_KEY)));
        var writer = new AccountApiWriter(RestClient.builder(), properties,
                new ServiceAuthProperties("wareg", "account-api"), Clock.systemUTC());
        return new RegistrationUpdates(bus(), writer, properties.worker().retry(), pauses::add, ceiling -> ceiling / 2,
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

    private static RegistrationUpdateRequested update() {
        return new RegistrationUpdateRequested(UUID.randomUUID(), Instant.now(), ACCOUNT, "+5511987654321",
                Map.of("email", new FieldChange("maria@antigo.com.br", "maria@novo.com.br")), 3L, "web-chat",
                "+5511987654321");
    }
}
