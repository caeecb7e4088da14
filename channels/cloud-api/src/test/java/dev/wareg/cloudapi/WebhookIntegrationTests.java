package dev.wareg.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.contracts.MessageReceived;
import dev.wareg.platform.messaging.RecordingEventBus;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Meta's webhook over HTTP, against the channel run as {@link CloudApiApplication} with a recording bus. */
@SpringBootTest(classes = CloudApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wareg.cloud-api.app-secret=" + WebhookIntegrationTests.SECRET,
                "wareg.cloud-api.verify-token=" + WebhookIntegrationTests.VERIFY_TOKEN,
                // Nothing is sent here: the Graph API is a closed port.
                "wareg.cloud-api.graph.access-token=unused", "wareg.cloud-api.graph.phone-number-id=100000000000001",
                "wareg.cloud-api.graph.base-url=http://127.0.0.1:9",
                // The messaging module brings JDBC for its outbox bus; this test's bus needs no database.
                "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
@Import(WebhookIntegrationTests.Bus.class)
class WebhookIntegrationTests {

    static final String SECRET = "the-app-secret";
    static final String VERIFY_TOKEN = "the-verify-token";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    RecordingEventBus bus;

    @Autowired
    MeterRegistry meters;

    @TestConfiguration
    static class Bus {
        @Bean
        RecordingEventBus recordingBus() {
            return new RecordingEventBus();
        }
    }

    @BeforeEach
    void clear() {
        bus.published.clear();
        bus.failing = false;
    }

    // Fixtures share message ids, and the ids stay known between tests: each test sends its own copies.
    private static byte[] unique(String fixture) {
        return new String(Webhooks.fixture(fixture), StandardCharsets.UTF_8)
                .replace("wamid.", "wamid." + System.nanoTime() + ".").getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhook?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(byte[] body, String signature, String contentType) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhook"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(byte[] body) throws Exception {
        return post(body, Webhooks.signature(SECRET, body), "application/json");
    }

    @Test
    void theSubscriptionHandshakeEchoesTheChallenge() throws Exception {
        var response = get("hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge=1158201444");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).isEqualTo("1158201444");
    }

    @Test
    void aWrongTokenOrModeIsForbidden() throws Exception {
        for (String query : List.of("hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1",
                "hub.mode=unsubscribe&hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge=1", "hub.challenge=1")) {
            var response = get(query);
            assertThat(response.statusCode()).as(query).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void aSignedDeliveryPublishesOneMessageReceivedPerMessage() throws Exception {
        byte[] body = unique("batch");

        var response = post(body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(bus.messages()).extracting(MessageReceived::channel).containsOnly("cloud-api");
        assertThat(bus.messages()).extracting(MessageReceived::sender, MessageReceived::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("+5511900000001", "um"),
                org.assertj.core.groups.Tuple.tuple("+5511900000002", "dois"),
                org.assertj.core.groups.Tuple.tuple("+5511900000003", "Sim"),
                org.assertj.core.groups.Tuple.tuple("+5511900000004", "quatro"),
                org.assertj.core.groups.Tuple.tuple("+5511900000005", ""),
                org.assertj.core.groups.Tuple.tuple("+5511900000006", "Não"));
        assertThat(bus.messages()).allSatisfy(message -> {
            assertThat(message.channelMessageId()).startsWith("wamid.");
            assertThat(message.eventId()).isEqualTo(InboundMessages.eventId(message.channelMessageId()));
        });
    }

    @Test
    void aSenderWithoutPhoneIsPublishedWithTheBusinessScopedUserId() throws Exception {
        assertThat(post(unique("bsuid")).statusCode()).isEqualTo(200);

        assertThat(bus.messages()).extracting(MessageReceived::sender).containsExactly("BR.1234567890abcdef");
    }

    @Test
    void statusesAreCountedAndPublishNothing() throws Exception {
        double before = meters.counter("wareg.cloud_api.statuses", "status", "read").count();
        double failedBefore = meters.counter("wareg.cloud_api.statuses.failed", "code", "131026").count();

        assertThat(post(unique("statuses-only")).statusCode()).isEqualTo(200);

        assertThat(bus.published).isEmpty();
        assertThat(meters.counter("wareg.cloud_api.statuses", "status", "read").count()).isEqualTo(before + 1);
        assertThat(meters.counter("wareg.cloud_api.statuses.failed", "code", "131026").count())
                .isEqualTo(failedBefore + 1);
    }

    @Test
    void unsignedOrWronglySignedDeliveriesAreRefusedAndPublishNothing() throws Exception {
        byte[] body = unique("text");
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("e-mail", "e-mai1")
                .getBytes(StandardCharsets.UTF_8);
        double before = meters.counter("wareg.cloud_api.webhook.rejected", "reason", "mismatch").count();

        assertThat(post(body, null, "application/json").statusCode()).as("missing").isEqualTo(401);
        assertThat(post(body, "sha256=" + "0".repeat(64), "application/json").statusCode()).as("forged")
                .isEqualTo(401);
        assertThat(post(tampered, Webhooks.signature(SECRET, body), "application/json").statusCode()).as("tampered")
                .isEqualTo(401);
        var wrongSecret = post(body, Webhooks.signature("another-secret", body), "application/json");
        assertThat(wrongSecret.statusCode()).as("wrong secret").isEqualTo(401);
        assertThat(wrongSecret.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(post(body, "md5=abc", "application/json").statusCode()).as("malformed").isEqualTo(401);

        assertThat(bus.published).isEmpty();
        assertThat(meters.counter("wareg.cloud_api.webhook.rejected", "reason", "mismatch").count())
                .isEqualTo(before + 3);
    }

    /** Found by fuzzing: Spring's reading of an empty body declared with a wildcard type threw, a 500. */
    @Test
    void anEmptyBodyDeclaredWithAWildcardTypeIsUnsupported() throws Exception {
        byte[] empty = new byte[0];
        for (String type : List.of("*/*", "application/*")) {
            var response = post(empty, Webhooks.signature(SECRET, empty), type);

            assertThat(response.statusCode()).as(type).isEqualTo(415);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(bus.published).isEmpty();
    }

    @Test
    void aRedeliveredMessageIsPublishedOnce() throws Exception {
        byte[] body = unique("text");

        assertThat(post(body).statusCode()).isEqualTo(200);
        assertThat(post(body).statusCode()).isEqualTo(200);

        assertThat(bus.published).hasSize(1);
    }

    @Test
    void concurrentDeliveriesOfOneMessageGiveOneEventId() throws Exception {
        byte[] body = unique("text");
        var start = new CountDownLatch(1);
        try (var threads = Executors.newFixedThreadPool(2)) {
            List<Future<Integer>> statuses = IntStream.range(0, 2).mapToObj(i -> threads.submit(() -> {
                start.await();
                return post(body).statusCode();
            })).toList();
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        }

        // Both may have published before either remembered the id; consumers then drop the second by event id.
        assertThat(bus.published).isNotEmpty();
        assertThat(bus.published.stream().map(IntegrationEvent::eventId).distinct()).hasSize(1);
    }

    @Test
    void aFailingBusAnswers5xxSoMetaRetriesAndTheRetryIsPublished() throws Exception {
        byte[] body = unique("text");
        bus.failing = true;

        assertThat(post(body).statusCode()).isGreaterThanOrEqualTo(500);

        bus.failing = false;
        assertThat(post(body).statusCode()).isEqualTo(200);
        assertThat(bus.published).hasSize(1);
    }

    @Test
    void aBatchOfAHundredMessagesIsPublishedWhole() throws Exception {
        String messages = IntStream.range(0, 100).mapToObj(i -> """
                {"from":"55119%08d","id":"wamid.%d.%d","timestamp":"%d","type":"text","text":{"body":"m%d"}}"""
                .formatted(i, System.nanoTime(), i, Instant.now().getEpochSecond(), i)).collect(Collectors.joining(","));
        byte[] body = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":"
                + "\"messages\",\"value\":{\"messages\":[" + messages + "]}}]}]}").getBytes(StandardCharsets.UTF_8);

        assertThat(post(body).statusCode()).isEqualTo(200);

        assertThat(bus.messages()).hasSize(100).extracting(MessageReceived::text)
                .containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(i -> "m" + i).toList());
    }

    /**
     * A delivery captured more than the dedupe window ago and signed by Meta then, replayed now: its old message is
     * not acted on, counted, and logged without anything personal, while Meta still gets its 200 (anything else and it
     * retries) and a fresh message beside it goes through.
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aMessageOlderThanTheDedupeWindowIsAnswered200ButOnlyTheFreshOnesBesideItArePublished(CapturedOutput output)
            throws Exception {
        double staleBefore = meters.counter("wareg.cloud_api.messages.stale").count();
        String replayedId = "wamid.REPLAY" + System.nanoTime();
        long eightDaysAgo = Instant.now().minus(Duration.ofDays(8)).getEpochSecond();
        byte[] body = ("""
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                "messages":[
                {"from":"5511976543210","id":"%s","timestamp":"%d","type":"text","text":{"body":"apagar meus dados"}},
                {"from":"5511987654321","id":"wamid.FRESH%d","timestamp":"%d","type":"text","text":{"body":"oi"}}]}}]}]}
                """.formatted(replayedId, eightDaysAgo, System.nanoTime(), Instant.now().getEpochSecond()))
                .getBytes(StandardCharsets.UTF_8);

        var response = post(body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(bus.messages()).extracting(MessageReceived::text).containsExactly("oi");
        assertThat(meters.counter("wareg.cloud_api.messages.stale").count()).isEqualTo(staleBefore + 1);
        assertThat(output.getOut() + output.getErr()).contains("Dropped a message sent PT192H ago")
                .doesNotContain(replayedId, "5511976543210", "apagar meus dados");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() throws Exception {
        byte[] body = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');

        var response = post(body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(bus.published).isEmpty();
    }

    @Test
    void signedMalformedJsonIsABadRequest() throws Exception {
        var response = post("{\"entry\": [".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupported() throws Exception {
        byte[] body = unique("text");

        var response = post(body, Webhooks.signature(SECRET, body), "text/plain");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(bus.published).isEmpty();
    }
}
