package dev.wareg.whatsappweb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.contracts.MessageReceived;
import dev.wareg.contracts.MessageReceived.Location;
import dev.wareg.platform.messaging.RecordingEventBus;
import dev.wareg.testsupport.MetaWebhooks;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbound half of the contract with the sidecar ({@code docs/channels.md}), over HTTP, against the channel run
 * as {@link WhatsAppWebApplication} with a recording bus: every fixture the sidecar may send is accepted and
 * becomes exactly the expected {@code MessageReceived}; nothing unsigned, tampered, malformed or oversized is.
 */
@SpringBootTest(classes = WhatsAppWebApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wareg.whatsapp-web.secret=" + WhatsAppWebContractIntegrationTests.SECRET,
                // Nothing is sent here: the sidecar is a closed port.
                "wareg.whatsapp-web.sidecar-url=http://127.0.0.1:9",
                "management.endpoint.health.show-components=always",
                // As main() runs it: whatsapp-web.properties, with its readiness group.
                "spring.config.name=whatsapp-web",
                // The messaging module brings JDBC for its outbox bus; this test's bus needs no database.
                "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
@Import(WhatsAppWebContractIntegrationTests.Bus.class)
class WhatsAppWebContractIntegrationTests {

    static final String SECRET = "the-shared-secret";
    private static final String PHONE = "+5511987654321";
    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    // The fixtures' ids stay known between tests (one context, one in-memory store): each test sends its own copies.
    private static byte[] unique(String fixture) {
        return Fixtures.inbound(fixture).replace("\"messageId\":\"3EB0", "\"messageId\":\"" + System.nanoTime())
                .getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> post(byte[] body, String signature, String contentType) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/whatsapp-web/messages"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Wareg-Signature-256", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(byte[] body) throws Exception {
        // Signed by test-support's independent HMAC, the same scheme as Meta's.
        return post(body, MetaWebhooks.signature(SECRET, body), "application/json");
    }

    private static MessageReceived expected(String messageId, String sender, String text, Location location) {
        return new MessageReceived(InboundMessages.eventId(messageId), Instant.EPOCH, "whatsapp-web", messageId,
                sender, text, location, true);
    }

    @Test
    void everyFixtureOfTheContractIsAcceptedAndPublishedAsExpected() throws Exception {
        var location = new Location(-23.561414, -46.655881, "MASP",
                "Av. Paulista, 1578 - Bela Vista, São Paulo - SP, 01310-200");
        Map<String, MessageReceived> expected = Map.of(
                "text", expected("3EB0C431D5A6B7C8D9E0", PHONE, "quero mudar meu email", null),
                "extended-text", expected("3EB0C431D5A6B7C8D9E1", PHONE, "meu novo email é ana@example.com", null),
                "button", expected("3EB0C431D5A6B7C8D9E2", PHONE, "Sim", null),
                "list", expected("3EB0C431D5A6B7C8D9E3", PHONE, "E-mail", null),
                "location", expected("3EB0C431D5A6B7C8D9E4", PHONE, "", location),
                "pin", expected("3EB0C431D5A6B7C8D9E5", PHONE, "", new Location(-23.561414, -46.655881, null, null)),
                "contact", expected("3EB0C431D5A6B7C8D9E6", PHONE, "+5521998765432", null),
                "edit", expected("3EB0C431D5A6B7C8D9E7", PHONE, "ana.souza@example.com", null),
                "lid-sender", expected("3EB0C431D5A6B7C8D9E8", "208420593053874@lid", "oi", null),
                // Read as no text, which the chat answers with its polite "I didn't receive any text".
                "unsupported", new MessageReceived(InboundMessages.eventId("3EB0C431D5A6B7C8D9E9"), Instant.EPOCH,
                        "whatsapp-web", "3EB0C431D5A6B7C8D9E9", PHONE, "", null, true, "image"));
        assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(Fixtures.INBOUND);

        for (String fixture : Fixtures.INBOUND) {
            bus.published.clear();
            // As the sidecar sends it, byte for byte (the fixtures' own ids: this is the only test sending them).
            byte[] body = Fixtures.inbound(fixture).getBytes(StandardCharsets.UTF_8);

            var response = post(body);

            assertThat(response.statusCode()).as(fixture).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).path("status").asString()).as(fixture).isEqualTo("accepted");
            assertThat(bus.messages()).as(fixture).singleElement().usingRecursiveComparison()
                    .ignoringFields("occurredAt").isEqualTo(expected.get(fixture));
        }
    }

    @Test
    void eachTypeIsCounted() throws Exception {
        double before = meters.counter("wareg.whatsapp_web.messages.received", "type", "location").count();

        assertThat(post(unique("pin")).statusCode()).isEqualTo(200);

        assertThat(meters.counter("wareg.whatsapp_web.messages.received", "type", "location").count())
                .isEqualTo(before + 1);
    }

    @Test
    void unsignedForgedTamperedOrWronglySignedMessagesAreRefusedAndPublishNothing() throws Exception {
        byte[] body = unique("text");
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("email", "emai1")
                .getBytes(StandardCharsets.UTF_8);
        double before = meters.counter("wareg.whatsapp_web.requests.rejected", "reason", "mismatch").count();
        double missingBefore = meters.counter("wareg.whatsapp_web.requests.rejected", "reason", "missing").count();

        assertThat(post(body, null, "application/json").statusCode()).as("missing").isEqualTo(401);
        assertThat(post(body, "sha256=" + "0".repeat(64), "application/json").statusCode()).as("forged")
                .isEqualTo(401);
        assertThat(post(tampered, MetaWebhooks.signature(SECRET, body), "application/json").statusCode())
                .as("tampered").isEqualTo(401);
        var wrongSecret = post(body, MetaWebhooks.signature("another-secret", body), "application/json");
        assertThat(wrongSecret.statusCode()).as("wrong secret").isEqualTo(401);
        assertThat(wrongSecret.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(post(body, "sha1=abc", "application/json").statusCode()).as("malformed").isEqualTo(401);

        assertThat(bus.published).isEmpty();
        assertThat(meters.counter("wareg.whatsapp_web.requests.rejected", "reason", "mismatch").count())
                .isEqualTo(before + 3);
        assertThat(meters.counter("wareg.whatsapp_web.requests.rejected", "reason", "missing").count())
                .isEqualTo(missingBefore + 1);
    }

    @Test
    void signedMalformedJsonIsABadRequest() throws Exception {
        var response = post("{\"messageId\": [".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("type").asString()).isEqualTo("/problems/malformed-json");
        assertThat(bus.published).isEmpty();
    }

    @Test
    void aSignedBodyNotOfTheContractsShapeIsABadRequestNamingTheMember() throws Exception {
        for (String body : List.of("{\"sender\":\"+5511987654321\",\"type\":\"text\",\"text\":\"oi\"}",
                "{\"messageId\":\"X1\",\"type\":\"text\",\"text\":\"oi\"}",
                "{\"messageId\":\"X2\",\"sender\":\"+5511987654321\",\"text\":\"oi\"}",
                "{\"messageId\":\"X3\",\"sender\":\"+5511987654321\",\"type\":\"location\",\"location\":{}}")) {
            var response = post(body.getBytes(StandardCharsets.UTF_8));

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            var problem = JSON.readTree(response.body());
            assertThat(problem.path("type").asString()).isEqualTo("/problems/invalid-shape");
            // The detail names the member, never a value the person wrote.
            assertThat(problem.path("detail").asString()).doesNotContain("5511987654321").doesNotContain("oi\"");
        }
        assertThat(bus.published).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() throws Exception {
        byte[] body = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');

        assertThat(post(body).statusCode()).isEqualTo(413);
        assertThat(bus.published).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupported() throws Exception {
        byte[] body = unique("text");

        assertThat(post(body, MetaWebhooks.signature(SECRET, body), "text/plain").statusCode()).isEqualTo(415);
        assertThat(bus.published).isEmpty();
    }

    /** Found by fuzzing: Spring's reading of an empty body declared with a wildcard type threw, a 500. */
    @Test
    void anEmptyBodyDeclaredWithAWildcardTypeIsUnsupported() throws Exception {
        byte[] empty = new byte[0];
        for (String type : List.of("*/*", "application/*")) {
            var response = post(empty, MetaWebhooks.signature(SECRET, empty), type);

            assertThat(response.statusCode()).as(type).isEqualTo(415);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(bus.published).isEmpty();
    }

    @Test
    void theSameMessageTwiceIsPublishedOnceAndAnsweredAsADuplicate() throws Exception {
        byte[] body = unique("text");
        double before = meters.counter("wareg.whatsapp_web.messages.duplicate").count();

        assertThat(post(body).body()).contains("\"accepted\"");
        var again = post(body);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("status").asString()).isEqualTo("duplicate");
        assertThat(bus.published).hasSize(1);
        assertThat(meters.counter("wareg.whatsapp_web.messages.duplicate").count()).isEqualTo(before + 1);
    }

    @Test
    void concurrentDeliveriesOfOneMessageGiveOneEvent() throws Exception {
        byte[] body = unique("text");
        var start = new CountDownLatch(1);
        try (var threads = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> statuses = IntStream.range(0, 4).mapToObj(i -> threads.submit(() -> {
                start.await();
                return post(body).statusCode();
            })).toList();
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        }

        // Several may have published before any remembered the id: all with one event id, which every consumer
        // handles once (ProcessedEvents), so the chat sees one event.
        assertThat(bus.published).isNotEmpty();
        assertThat(bus.published.stream().map(IntegrationEvent::eventId).distinct()).hasSize(1);
    }

    @Test
    void aFailingBusAnswers5xxSoTheSidecarRetriesAndTheRetryIsPublished() throws Exception {
        byte[] body = unique("text");
        bus.failing = true;

        assertThat(post(body).statusCode()).isGreaterThanOrEqualTo(500);

        bus.failing = false;
        assertThat(post(body).statusCode()).isEqualTo(200);
        assertThat(bus.published).hasSize(1);
    }

    @Test
    void readinessIncludesTheSidecarAndAnUnreachableOneDoesNotMakeTheChannelUnready() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("components").path("whatsappWeb").path("status").asString())
                .isEqualTo("UNKNOWN");
    }
}
