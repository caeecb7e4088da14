package dev.wareg.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.wareg.platform.messaging.ChannelMessageIds;
import dev.wareg.platform.messaging.RecordingEventBus;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Meta's webhook over HTTP under generated requests ({@link MetaDeliveries}): the channel answers 200 or a 4xx
 * problem, never a 5xx, and a delivery without Meta's signature changes nothing. The channel runs as
 * {@link CloudApiApplication} on 127.0.0.1 with a recording bus, once for all tries (jqwik runs no Spring test
 * extension). Tries: {@code jqwik.tries.default}, as in {@link WebhookPayloadFuzzTests}.
 */
class WebhookFuzzIntegrationTests {

    private static final String SECRET = "the-app-secret";
    private static final String VERIFY_TOKEN = "the-verify-token";
    private static final RecordingEventBus BUS = new RecordingEventBus();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> QUIET = List.of(WebhookController.class.getName(),
            InboundMessages.class.getName(), "dev.wareg.platform.defaults.RequestBodyLimit");

    private static ConfigurableApplicationContext channel;
    private static ChannelMessageIds ids;
    private static String base;

    /**
     * Leaves out of the channel's component scan the configurations of the other tests of this package, as
     * {@code @SpringBootTest} would.
     */
    private static final class OtherTestsConfigurations extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getClassMetadata().getClassName().contains("Tests");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof OtherTestsConfigurations;
        }

        @Override
        public int hashCode() {
            return OtherTestsConfigurations.class.hashCode();
        }
    }

    @BeforeContainer
    static void start() {
        channel = new SpringApplicationBuilder(CloudApiApplication.class)
                .initializers(context -> {
                    context.getBeanFactory().registerSingleton("otherTestsConfigurations",
                            new OtherTestsConfigurations());
                    context.getBeanFactory().registerSingleton("recordingBus", BUS);
                })
                // As arguments, which outrank the channel's own properties file (default properties would not).
                .run("--server.address=127.0.0.1", "--server.port=0",
                        "--wareg.cloud-api.app-secret=" + SECRET, "--wareg.cloud-api.verify-token=" + VERIFY_TOKEN,
                        "--wareg.cloud-api.graph.access-token=unused",
                        "--wareg.cloud-api.graph.phone-number-id=100000000000001",
                        "--wareg.cloud-api.graph.base-url=http://127.0.0.1:9",
                        "--spring.autoconfigure.exclude="
                                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
        ids = channel.getBean(CloudApiConfiguration.MESSAGE_IDS, ChannelMessageIds.class);
        base = "http://127.0.0.1:" + channel.getEnvironment().getProperty("local.server.port");
        // Every refusal is logged as a warning; a million of them would be most of the run's time.
        QUIET.forEach(name -> ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.ERROR));
    }

    @AfterContainer
    static void stop() {
        QUIET.forEach(name -> ((Logger) LoggerFactory.getLogger(name)).setLevel(null));
        if (channel != null) {
            channel.close();
        }
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return MetaDeliveries.bodies();
    }

    /** Every header that is not Meta's signature of the body: none, blank, malformed, another body's, another key's. */
    @Provide
    Arbitrary<Function<byte[], String>> forgedSignatures() {
        return Arbitraries.oneOf(
                Arbitraries.just(body -> null),
                Arbitraries.of("", " ", "sha256=", "sha1=abc", "md5=abc", "SHA256=" + "0".repeat(64))
                        .map(header -> body -> header),
                Arbitraries.strings().withCharRange('0', 'f').ofLength(64).map(hex -> body -> "sha256=" + hex),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(100).map(header -> body -> header),
                Arbitraries.just(body -> Webhooks.signature("another-secret", body)),
                Arbitraries.just(body -> Webhooks.signature(SECRET, (new String(body, StandardCharsets.UTF_8)
                        + " ").getBytes(StandardCharsets.UTF_8))));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just("application/json")),
                Tuple.of(1, Arbitraries.of("application/json; charset=utf-8",
                        "application/json;charset=ISO-8859-1", "APPLICATION/JSON", "text/plain",
                        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml",
                        "*/*", "application/*", "json", "application/json; charset=nonsense", ";", "a/b/c")));
    }

    /** Any header but the body's own signature is a 401 problem, and nothing is published or remembered. */
    @Property
    void aForgedDeliveryIsRefusedAndChangesNothing(@ForAll("bodies") byte[] body,
                                                   @ForAll("forgedSignatures") Function<byte[], String> forge)
            throws Exception {
        Map<String, Boolean> known = messageIds(body).stream()
                .collect(Collectors.toMap(id -> id, ids::contains, (first, second) -> first));
        int published = BUS.published.size();

        HttpResponse<String> response = post(body, forge.apply(body), "application/json");

        assertThat(response.statusCode()).isIn(401, 413);
        isAProblem(response);
        assertThat(BUS.published).hasSize(published);
        known.forEach((id, wasKnown) -> assertThat(ids.contains(id)).as(id).isEqualTo(wasKnown));
    }

    /**
     * Signed, whatever the body and content type, the delivery is taken (200) or refused with a problem: not JSON
     * (400), too big (413), not declared JSON (415).
     */
    @Property
    void aSignedDeliveryIsTakenOrRefusedWithAProblemNeverAServerError(@ForAll("bodies") byte[] body,
                                                                       @ForAll("contentTypes") String contentType)
            throws Exception {
        int published = BUS.published.size();

        HttpResponse<String> response = post(body, Webhooks.signature(SECRET, body), contentType);

        assertThat(response.statusCode()).isIn(200, 400, 413, 415);
        if (response.statusCode() == 200) {
            assertThat(BUS.published.size() - published).isLessThanOrEqualTo(messageIds(body).size());
        } else {
            isAProblem(response);
            assertThat(BUS.published).hasSize(published);
        }
        if (BUS.published.size() > 100_000) {
            BUS.published.clear();
        }
    }

    /** The handshake echoes the challenge for the mode {@code subscribe} and the verify token, else 403. */
    @Property
    void theHandshakeAnswersTheVerifyTokenOnlyAndNeverAServerError(
            @ForAll("handshakeValues") String mode, @ForAll("handshakeValues") String token,
            @ForAll("handshakeValues") String challenge) throws Exception {
        var query = new StringBuilder();
        for (var parameter : Map.of("hub.mode", mode, "hub.verify_token", token, "hub.challenge", challenge)
                .entrySet()) {
            if (!parameter.getValue().equals("<absent>")) {
                query.append(parameter.getKey()).append('=')
                        .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8)).append('&');
            }
        }

        var response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/webhook?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());

        if (mode.equals("subscribe") && token.equals(VERIFY_TOKEN) && !challenge.equals("<absent>")) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(challenge);
        } else {
            assertThat(response.statusCode()).isEqualTo(403);
            isAProblem(response);
        }
    }

    /**
     * The parameters' values, or {@code <absent>}: any text that UTF-8 can carry, short enough that the request line
     * stays under Tomcat's limit ({@code server.max-http-request-header-size}, 8 KiB; longer is Tomcat's own 400, see
     * {@link #anyRequestToTheChannelIsAnsweredWithoutAServerError}).
     */
    @Provide
    Arbitrary<String> handshakeValues() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of("subscribe", VERIFY_TOKEN, "<absent>", "")),
                Tuple.of(2, MetaDeliveries.texts().filter(text -> text.length() <= 200 && !text.equals("<absent>")
                        && text.equals(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)))));
    }

    /** Any method on any path of the channel is answered, and never with a server error. */
    @Property
    void anyRequestToTheChannelIsAnsweredWithoutAServerError(@ForAll("methods") String method,
                                                             @ForAll("paths") String path) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                        .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(method + " " + path).isLessThan(500);
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "X");
    }

    /** Paths near the channel's own, with any character percent-encoded, dot segments and encoded slashes. */
    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> segments = Arbitraries.oneOf(
                Arbitraries.of("webhook", "actuator", "health", "prometheus", "..", ".", "%2e%2e", "%2F", "%00",
                        "%", "%zz", ";jsessionid=x", "webhook;x=1", "error"),
                MetaDeliveries.texts().map(text -> URLEncoder.encode(text, StandardCharsets.UTF_8)));
        return segments.list().ofMinSize(1).ofMaxSize(5).map(list -> "/" + String.join("/", list))
                .filter(path -> {
                    try {
                        URI.create(base + path);
                        return true;
                    } catch (IllegalArgumentException notAUri) {
                        return false;
                    }
                });
    }

    private static HttpResponse<String> post(byte[] body, String signature, String contentType) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + "/webhook")).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void isAProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = MetaDeliveries.JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(response.statusCode());
        assertThat(problem.path("title").asString()).isNotBlank();
    }

    private static List<String> messageIds(byte[] body) {
        try {
            return WebhookPayload.from(MetaDeliveries.JSON.readTree(body)).messages().stream()
                    .map(WebhookPayload.InboundMessage::id).toList();
        } catch (JacksonException notJson) {
            return List.of();
        }
    }
}
