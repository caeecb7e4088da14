package dev.wareg.cloudapi.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.contracts.MessageReceived;
import dev.wareg.contracts.SendMessage;
import dev.wareg.contracts.SendMessage.Button;
import dev.wareg.platform.messaging.DeadLetters;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.EventHandler;
import dev.wareg.platform.messaging.PermanentFailure;
import dev.wareg.testsupport.FakeGraphApi;
import dev.wareg.testsupport.FakeGraphApi.GraphError;
import dev.wareg.testsupport.SettableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** Sending replies and read receipts through the Graph API, against a fake that refuses what Meta refuses. */
class OutboundMessagesIntegrationTests {

    private static final String TOKEN = "the-access-token";
    private static final String ANA = "+5511987654321";
    private static FakeGraphApi graph;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final KeptDeadLetters deadLetters = new KeptDeadLetters();
    private GraphApiHealth health;

    @BeforeAll
    static void startGraph() {
        graph = FakeGraphApi.start(TOKEN);
    }

    @AfterAll
    static void stopGraph() {
        graph.close();
    }

    @BeforeEach
    void resetGraph() {
        graph.reset();
    }

    @Test
    void aReplyWithOptionsIsSentAsReplyButtonsWithTheBearerToken() throws Exception {
        outbound("").send(reply("Posso salvar?", List.of(new Button("confirm", "Confirmar"),
                new Button("correct", "Corrigir"), new Button("cancel", "Cancelar"))));

        FakeGraphApi.Call call = graph.sent().getFirst();
        assertThat(call.accepted()).isTrue();
        assertThat(call.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(call.version()).isEqualTo("v23.0");
        assertThat(call.phoneNumberId()).isEqualTo("106540352242922");
        assertThat(call.to()).isEqualTo("5511987654321");
        assertThat(call.text()).isEqualTo("Posso salvar?");
        assertThat(call.buttonTitles()).containsExactly("Confirmar", "Corrigir", "Cancelar");
        assertThat(meters.counter("wareg.cloud_api.sent", "shape", "buttons").count()).isEqualTo(1);
    }

    @Test
    void textListsAndNumberedFallbacksAllPassMetasRules() throws Exception {
        OutboundMessages outbound = outbound("");
        List<Button> six = IntStream.rangeClosed(1, 6).mapToObj(i -> new Button("f" + i, "Campo " + i)).toList();
        List<Button> twelve = IntStream.rangeClosed(1, 12).mapToObj(i -> new Button("o" + i, "Opção " + i)).toList();

        outbound.send(reply("Olá! Sou o assistente de cadastro.", List.of()));
        outbound.send(reply("O que você quer atualizar?", six));
        outbound.send(reply("Escolha um:", twelve));

        assertThat(graph.sent()).extracting(FakeGraphApi.Call::accepted).containsExactly(true, true, true);
        assertThat(graph.sent()).extracting(FakeGraphApi.Call::type).containsExactly("text", "interactive", "text");
        assertThat(graph.sent().get(1).buttonTitles()).hasSize(6);
        assertThat(graph.sent().get(2).text()).contains("\n12. Opção 12");
    }

    @Test
    void aPersonWithAHiddenNumberIsReachedByTheirBusinessScopedId() throws Exception {
        outbound("").send(new SendMessage(UUID.randomUUID(), clock.instant(), "cloud-api", "BR.13491208655302741918",
                "Oi!", List.of(), "pt-BR"));

        assertThat(graph.sent().getFirst().accepted()).isTrue();
        assertThat(graph.sent().getFirst().to()).isEqualTo("BR.13491208655302741918");
    }

    @Test
    void anotherChannelsRepliesAreNotSent() throws Exception {
        outbound("").send(new SendMessage(UUID.randomUUID(), clock.instant(), "web-chat", ANA, "Oi", List.of()));

        assertThat(graph.calls()).isEmpty();
    }

    @Test
    void rateLimitsAreWaitedOutAndRetried() throws Exception {
        graph.failNext(GraphError.rateLimited()).failNext(GraphError.pairRateLimited());

        outbound("").send(reply("Qual é o novo e-mail?", List.of()));

        assertThat(graph.calls()).extracting(FakeGraphApi.Call::errorCode).containsExactly(130429, 131056, null);
        assertThat(pauses).filteredOn(pause -> !pause.isZero()).isNotEmpty();
        assertThat(meters.counter("wareg.cloud_api.send.failures", "reason", "rate-limited").count()).isEqualTo(1);
        assertThat(meters.counter("wareg.cloud_api.send.failures", "reason", "pair-rate-limited").count())
                .isEqualTo(1);
        assertThat(meters.counter("wareg.cloud_api.sent", "shape", "text").count()).isEqualTo(1);
    }

    @Test
    void serverErrorsAndTimeoutsAreRetriedAndASendThatNeverGoesBecomesADeadLetter() throws Exception {
        graph.failNext(GraphError.serverError());
        outbound("").send(reply("Um momento…", List.of()));
        assertThat(graph.calls()).extracting(FakeGraphApi.Call::status).containsExactly(500, 200);

        graph.reset();
        graph.failNext(4, GraphError.serverError());
        assertThatThrownBy(() -> outbound("").send(reply("Um momento…", List.of())))
                .isInstanceOf(PermanentFailure.class)
                .hasMessage("graph-unavailable after 4 attempts: transient (HTTP 500, code 131000)");
        assertThat(graph.calls()).hasSize(4);
    }

    @Test
    void aTimedOutSendIsRetried() throws Exception {
        graph.delayResponses(Duration.ofSeconds(2));
        OutboundMessages outbound = outbound("", Duration.ofMillis(300));

        assertThatThrownBy(() -> outbound.send(reply("Oi", List.of())))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("transient (HTTP 0, code 0)");
        assertThat(meters.counter("wareg.cloud_api.send.failures", "reason", "transient").count()).isEqualTo(4);
    }

    @Test
    void outsideTheWindowTheTemplateIsSentInTheRepliesLanguage() throws Exception {
        graph.failNext(GraphError.reEngagement());

        outbound("retomar_conversa").send(new SendMessage(UUID.randomUUID(), clock.instant(), "cloud-api", ANA,
                "Pronto!", List.of(), "en"));

        assertThat(graph.calls()).extracting(FakeGraphApi.Call::errorCode).containsExactly(131047, null);
        FakeGraphApi.Call template = graph.sent().getLast();
        assertThat(template.type()).isEqualTo("template");
        assertThat(template.body().path("template").path("name").asString()).isEqualTo("retomar_conversa");
        assertThat(template.body().path("template").path("language").path("code").asString()).isEqualTo("en");
        assertThat(meters.counter("wareg.cloud_api.sent", "shape", "template").count()).isEqualTo(1);
    }

    @Test
    void outsideTheWindowWithoutATemplateOrToAnUnreachableNumberTheMessageIsRecordedAsUndeliverable()
            throws Exception {
        graph.failNext(GraphError.reEngagement()).failNext(GraphError.unavailable());

        outbound("").send(reply("Pronto!", List.of()));
        outbound("").send(reply("Pronto!", List.of()));

        assertThat(graph.calls()).hasSize(2);
        assertThat(meters.counter("wareg.cloud_api.undeliverable", "reason", "outside-window").count()).isEqualTo(1);
        assertThat(meters.counter("wareg.cloud_api.undeliverable", "reason", "undeliverable").count()).isEqualTo(1);
    }

    @Test
    void aRejectedTokenTurnsHealthDownKeepsTheSendAndTheFirstCallThatWorksAgainRedrivesWhatWasKept() throws Exception {
        graph.failNext(GraphError.tokenExpired());
        OutboundMessages outbound = outbound("");

        assertThatThrownBy(() -> outbound.send(reply("Pronto!", List.of())))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageStartingWith(OutboundMessages.TOKEN_REJECTED);
        assertThat(graph.calls()).hasSize(1);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(meters.get("wareg.cloud_api.graph.token_rejected").gauge().value()).isEqualTo(1);

        UUID kept = deadLetters.keep("PermanentFailure: " + OutboundMessages.TOKEN_REJECTED + ": token-rejected");
        UUID other = deadLetters.keep("PermanentFailure: graph-refused: refused (HTTP 400, code 100)");
        // A read receipt is the first call to go through.
        new ReadReceipts(new NoBus(), client(Duration.ofSeconds(5)), health, metrics()).markRead(
                new MessageReceived(UUID.randomUUID(), clock.instant(), "cloud-api", "wamid.HBgNNTW", ANA, "oi", true));

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(meters.get("wareg.cloud_api.graph.token_rejected").gauge().value()).isZero();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (deadLetters.redriven.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(deadLetters.redriven).containsExactly(kept).doesNotContain(other);
    }

    @Test
    void startedAgainTheChannelRedrivesWhatARejectedTokenCouldNotSend() {
        UUID kept = deadLetters.keep("PermanentFailure: " + OutboundMessages.TOKEN_REJECTED + ": token-rejected");
        deadLetters.keep("PermanentFailure: graph-unavailable after 4 attempts: transient (HTTP 500, code 131000)");

        outbound("");

        assertThat(deadLetters.redriven).containsExactly(kept);
    }

    @Test
    void whatMetaRefusesForGoodBecomesADeadLetterAtOnce() {
        graph.failNext(GraphError.invalidParameter("Unsupported message type"));

        assertThatThrownBy(() -> outbound("").send(reply("Oi", List.of())))
                .isInstanceOf(PermanentFailure.class)
                .hasMessage("graph-refused: refused (HTTP 400, code 131009)");
        assertThat(graph.calls()).hasSize(1);
    }

    @Test
    void sendsArePacedToTheNumbersRate() throws Exception {
        OutboundMessages outbound = outbound("", Duration.ofSeconds(5), 2);

        for (int i = 0; i < 4; i++) {
            outbound.send(new SendMessage(UUID.randomUUID(), clock.instant(), "cloud-api", "+55119876500" + i, "Oi",
                    List.of()));
        }

        assertThat(pauses).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                Duration.ZERO, Duration.ofMillis(500), Duration.ZERO, Duration.ofMillis(1000));
    }

    @Test
    void eachReceivedMessageIsMarkedAsReadAndAFailedReceiptIsCountedNotRetried() {
        var receipts = new ReadReceipts(new NoBus(), client(Duration.ofSeconds(5)), health(), metrics());

        receipts.markRead(new MessageReceived(UUID.randomUUID(), clock.instant(), "cloud-api", "wamid.HBgNNTU", ANA,
                "oi", true));
        graph.failNext(GraphError.serverError());
        receipts.markRead(new MessageReceived(UUID.randomUUID(), clock.instant(), "cloud-api", "wamid.HBgNNTV", ANA,
                "oi", true));
        receipts.markRead(new MessageReceived(UUID.randomUUID(), clock.instant(), "web-chat", "w1", ANA, "oi", true));

        assertThat(graph.readReceipts()).singleElement().satisfies(call ->
                assertThat(call.body().path("message_id").asString()).isEqualTo("wamid.HBgNNTU"));
        assertThat(graph.calls()).hasSize(2);
        assertThat(meters.counter("wareg.cloud_api.read_receipts.failed", "reason", "transient").count())
                .isEqualTo(1);
    }

    private OutboundMessages outbound(String template) {
        return outbound(template, Duration.ofSeconds(5));
    }

    private OutboundMessages outbound(String template, Duration timeout) {
        return outbound(template, timeout, 80);
    }

    private OutboundMessages outbound(String template, Duration timeout, int messagesPerSecond) {
        GraphApiProperties properties = properties(template, timeout, messagesPerSecond);
        var outbound = new OutboundMessages(new NoBus(), deadLetters, client(timeout),
                new SendRateLimiter(messagesPerSecond, properties.recipientBurst(), properties.recipientInterval(),
                        clock),
                health(), metrics(), properties, pauses::add, ceiling -> ceiling);
        outbound.afterSingletonsInstantiated();
        return outbound;
    }

    private GraphApiClient client(Duration timeout) {
        return new GraphApiClient(RestClient.builder(), properties("", timeout, 80), JsonMapper.builder().build());
    }

    private GraphApiHealth health() {
        if (health == null) {
            health = new GraphApiHealth(meters, clock);
        }
        return health;
    }

    private OutboundMetrics metrics() {
        return new OutboundMetrics(meters);
    }

    private static GraphApiProperties properties(String template, Duration timeout, int messagesPerSecond) {
        return new GraphApiProperties(TOKEN, "106540352242922", graph.baseUrl(), "v23.0", timeout,
                messagesPerSecond, 45, Duration.ofSeconds(6),
                new GraphApiProperties.Retry(4, Duration.ofMillis(100), Duration.ofSeconds(1)), template, true);
    }

    private SendMessage reply(String text, List<Button> buttons) {
        return new SendMessage(UUID.randomUUID(), clock.instant(), "cloud-api", ANA, text, buttons, "pt-BR");
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

    private static final class KeptDeadLetters implements DeadLetters {

        final List<DeadLetter> kept = new CopyOnWriteArrayList<>();
        final List<UUID> redriven = new CopyOnWriteArrayList<>();

        UUID keep(String reason) {
            UUID id = UUID.randomUUID();
            kept.add(new DeadLetter(OutboundMessages.SUBSCRIBER, id, "SendMessage", 1, reason, Instant.EPOCH));
            return id;
        }

        @Override
        public List<DeadLetter> list(String subscriber, int limit) {
            return new ArrayList<>(kept);
        }

        @Override
        public boolean redrive(String subscriber, UUID eventId) {
            redriven.add(eventId);
            return kept.removeIf(letter -> letter.eventId().equals(eventId));
        }
    }
}
