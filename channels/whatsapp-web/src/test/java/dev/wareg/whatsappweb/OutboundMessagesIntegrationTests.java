package dev.wareg.whatsappweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.contracts.SendMessage;
import dev.wareg.contracts.SendMessage.Button;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.EventHandler;
import dev.wareg.platform.messaging.PermanentFailure;
import dev.wareg.testsupport.FakeWhatsAppWebSidecar;
import dev.wareg.testsupport.FreePorts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replies through the sidecar, against {@link FakeWhatsAppWebSidecar} over HTTP: what is sent (the contract's
 * outbound fixtures), what is retried, what becomes a dead letter. Waits are recorded, not slept.
 */
class OutboundMessagesIntegrationTests {

    private static final String SECRET = "the-shared-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FakeWhatsAppWebSidecar sidecar = FakeWhatsAppWebSidecar.start(SECRET);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        sidecar.close();
    }

    private static WhatsAppWebProperties properties(URI sidecarUrl, String secret) {
        return new WhatsAppWebProperties(secret, sidecarUrl, DataSize.ofMegabytes(1),
                WhatsAppWebProperties.Dedupe.MEMORY, Duration.ofDays(7), Duration.ofSeconds(2), Duration.ofSeconds(1),
                new WhatsAppWebProperties.Retry(4, Duration.ofMillis(500), Duration.ofSeconds(8),
                        Duration.ofSeconds(30)));
    }

    private OutboundMessages outbound(URI sidecarUrl, String secret) {
        var properties = properties(sidecarUrl, secret);
        var client = new SidecarClient(RestClient.builder(), properties, JSON, Clock.systemUTC());
        // The longest wait the backoff allows, so the waits are deterministic.
        return new OutboundMessages(new NoBus(), client, new OutboundMetrics(meters), properties.retry(), waits::add,
                ceiling -> ceiling);
    }

    private OutboundMessages outbound() {
        return outbound(sidecar.baseUrl(), SECRET);
    }

    private static SendMessage reply(UUID id, String to, String text, List<Button> buttons) {
        return new SendMessage(id, Instant.parse("2026-11-25T18:30:00Z"), "whatsapp-web", to, text, buttons, "pt-BR");
    }

    private double outcome(String outcome) {
        return meters.counter("wareg.whatsapp_web.messages.sent", "outcome", outcome).count();
    }

    @Test
    void eachOutboundFixtureIsWhatTheChannelSendsForItsSendMessage() throws Exception {
        var replies = List.of(
                reply(UUID.fromString("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"), "+5511987654321",
                        "Qual é o seu novo e-mail?", List.of()),
                reply(UUID.fromString("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c"), "+5511987654321",
                        "Seu e-mail vai mudar:\nana@example.com → ana.souza@example.com\n\nConfirma?",
                        List.of(new Button("confirm", "Sim"), new Button("cancel", "Não"))),
                reply(UUID.fromString("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d"), "208420593053874@lid",
                        "Olá! Como posso ajudar?", List.of()));
        var sending = outbound();

        for (SendMessage message : replies) {
            sending.send(message);
        }

        assertThat(sidecar.calls()).extracting(FakeWhatsAppWebSidecar.Call::body).containsExactly(
                Fixtures.OUTBOUND.stream().map(name -> JSON.readTree(Fixtures.outbound(name))).toArray(
                        tools.jackson.databind.JsonNode[]::new));
        assertThat(sidecar.calls()).allSatisfy(call -> assertThat(call.accepted()).isTrue());
        assertThat(outcome("sent")).isEqualTo(3);
    }

    @Test
    void repliesForOtherChannelsAreIgnored() throws Exception {
        outbound().send(new SendMessage(UUID.randomUUID(), Instant.now(), "cloud-api", "+5511987654321", "oi",
                List.of()));

        assertThat(sidecar.calls()).isEmpty();
    }

    @Test
    void unavailableAndFailingAnswersAreRetriedWithGrowingWaits() throws Exception {
        sidecar.failNext(503);
        sidecar.failNext(500);
        sidecar.failNext(502);

        outbound().send(reply(UUID.randomUUID(), "+5511987654321", "oi", List.of()));

        assertThat(sidecar.calls()).extracting(FakeWhatsAppWebSidecar.Call::status).containsExactly(503, 500, 502,
                200);
        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(sidecar.sent()).hasSize(1);
        assertThat(meters.counter("wareg.whatsapp_web.send.failures", "reason", "sidecar-unavailable").count())
                .isEqualTo(3);
    }

    @Test
    void aRateLimitIsRetriedAfterTheWaitTheSidecarAsksFor() throws Exception {
        sidecar.failNext(429, Duration.ofSeconds(3));
        sidecar.failNext(429, Duration.ofSeconds(120));

        outbound().send(reply(UUID.randomUUID(), "+5511987654321", "oi", List.of()));

        // The second Retry-After is longer than wareg.whatsapp-web.retry.max-retry-after: cut to it.
        assertThat(waits).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(30));
        assertThat(sidecar.sent()).hasSize(1);
    }

    @Test
    void aSendStillFailingAfterTheLastAttemptBecomesADeadLetter() {
        for (int i = 0; i < 4; i++) {
            sidecar.failNext(503);
        }

        assertThatThrownBy(() -> outbound().send(reply(UUID.randomUUID(), "+5511987654321", "oi", List.of())))
                .isInstanceOf(PermanentFailure.class)
                .hasMessage("sidecar-unavailable (503) after 4 attempts");
        assertThat(sidecar.calls()).hasSize(4);
        assertThat(sidecar.sent()).isEmpty();
        assertThat(outcome("dead-letter")).isEqualTo(1);
    }

    @Test
    void aSidecarThatCannotBeReachedIsRetriedThenDeadLettered() {
        var unreachable = URI.create("http://127.0.0.1:" + FreePorts.next());

        assertThatThrownBy(() -> outbound(unreachable, SECRET).send(reply(UUID.randomUUID(), "+5511987654321", "oi",
                List.of()))).isInstanceOf(PermanentFailure.class)
                .hasMessage("sidecar-unreachable after 4 attempts");
        assertThat(waits).hasSize(3);
    }

    @Test
    void aWrongSecretIsADeadLetterAtOnce() {
        assertThatThrownBy(() -> outbound(sidecar.baseUrl(), "not-the-secret").send(reply(UUID.randomUUID(),
                "+5511987654321", "oi", List.of()))).isInstanceOf(PermanentFailure.class)
                .hasMessage("sidecar-signature-refused (401)");
        assertThat(sidecar.calls()).extracting(FakeWhatsAppWebSidecar.Call::status).containsExactly(401);
        assertThat(waits).isEmpty();
    }

    @Test
    void aBadRequestIsADeadLetterAtOnce() {
        sidecar.failNext(400);

        assertThatThrownBy(() -> outbound().send(reply(UUID.randomUUID(), "+5511987654321", "oi", List.of())))
                .isInstanceOf(PermanentFailure.class).hasMessage("sidecar-refused (400)");
        assertThat(sidecar.calls()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void aRetriedSendIsSentOnceEvenWhenTheSameEventComesAgain() throws Exception {
        var message = reply(UUID.randomUUID(), "+5511987654321", "oi", List.of());
        var sending = outbound();

        sending.send(message);
        sending.send(message);

        assertThat(sidecar.calls()).hasSize(2);
        assertThat(sidecar.sent()).hasSize(1);
    }

    @Test
    void healthReflectsTheSidecar() {
        var properties = properties(sidecar.baseUrl(), SECRET);
        var health = new SidecarHealth(RestClient.builder(), properties, JSON);

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).containsEntry("state", "open");

        sidecar.disconnect("logged-out");
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("state", "logged-out");

        var nowhere = new SidecarHealth(RestClient.builder(),
                properties(URI.create("http://127.0.0.1:" + FreePorts.next()), SECRET), JSON);
        assertThat(nowhere.health().getStatus()).isEqualTo(Status.UNKNOWN);
    }

    private static final class NoBus implements EventBus {

        @Override
        public void publish(IntegrationEvent event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <E extends IntegrationEvent> void subscribe(String subscriber, Class<E> type, EventHandler<E> handler) {
        }
    }
}
