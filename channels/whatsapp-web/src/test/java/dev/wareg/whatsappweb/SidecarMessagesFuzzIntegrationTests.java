package dev.wareg.whatsappweb;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.wareg.platform.defaults.HmacSignature;
import dev.wareg.platform.messaging.ChannelMessageIds;
import dev.wareg.platform.messaging.RecordingEventBus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
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
 * The Java half's inbound contract over HTTP ({@code POST /whatsapp-web/messages}) under generated requests
 * ({@link SidecarBodies}): 200, or a 4xx problem, never a 5xx, and a message without the shared secret's signature
 * changes nothing. The channel runs as {@link WhatsAppWebApplication} on 127.0.0.1 with a recording bus, once for
 * all tries (jqwik runs no Spring test extension). Tries: {@code jqwik.tries.default}, as in
 * {@link SidecarMessageFuzzTests}.
 */
class SidecarMessagesFuzzIntegrationTests {

    private static final String SECRET = "the-shared-secret";
    private static final RecordingEventBus BUS = new RecordingEventBus();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> QUIET = List.of(SidecarMessagesController.class.getName(),
            InboundMessages.class.getName(), "dev.wareg.platform.defaults.RequestBodyLimit");

    private static ConfigurableApplicationContext channel;
    private static ChannelMessageIds ids;
    private static URI messages;

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
        channel = new SpringApplicationBuilder(WhatsAppWebApplication.class)
                .initializers(context -> {
                    context.getBeanFactory().registerSingleton("otherTestsConfigurations",
                            new OtherTestsConfigurations());
                    context.getBeanFactory().registerSingleton("recordingBus", BUS);
                })
                // As arguments, which outrank the channel's own properties file (default properties would not).
                .run("--spring.config.name=whatsapp-web", "--server.address=127.0.0.1", "--server.port=0",
                        "--wareg.whatsapp-web.secret=" + SECRET, "--wareg.whatsapp-web.sidecar-url=http://127.0.0.1:9",
                        "--spring.autoconfigure.exclude="
                                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
        ids = channel.getBean(WhatsAppWebConfiguration.MESSAGE_IDS, ChannelMessageIds.class);
        messages = URI.create("http://127.0.0.1:" + channel.getEnvironment().getProperty("local.server.port")
                + WhatsAppWebConfiguration.MESSAGES_PATH);
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
        return SidecarBodies.bodies();
    }

    /** Every header that is not the body's signature: none, blank, malformed, another body's, another secret's. */
    @Provide
    Arbitrary<Function<byte[], String>> forgedSignatures() {
        return Arbitraries.oneOf(
                Arbitraries.just(body -> null),
                Arbitraries.of("", " ", "sha256=", "md5=abc", "SHA256=" + "0".repeat(64)).map(header -> body -> header),
                Arbitraries.strings().withCharRange('0', 'f').ofLength(64).map(hex -> body -> "sha256=" + hex),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(100).map(header -> body -> header),
                Arbitraries.just(body -> new HmacSignature("another-secret").sign(body)),
                Arbitraries.just(body -> new HmacSignature(SECRET).sign((new String(body, StandardCharsets.UTF_8)
                        + " ").getBytes(StandardCharsets.UTF_8))));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("application/json")),
                Tuple.of(1, Arbitraries.of("application/json; charset=utf-8", "text/plain", "application/xml",
                        "application/x-www-form-urlencoded", "*/*", "application/json; charset=nonsense")));
    }

    /** Anything but the body's own signature is a 401 problem, and nothing is published or remembered. */
    @Property
    void aForgedMessageIsRefusedAndChangesNothing(@ForAll("bodies") byte[] body,
                                                  @ForAll("forgedSignatures") Function<byte[], String> forge)
            throws Exception {
        String messageId = messageId(body);
        boolean known = messageId != null && ids.contains(messageId);
        int published = BUS.published.size();

        HttpResponse<String> response = post(body, forge.apply(body), "application/json");

        assertThat(response.statusCode()).isIn(401, 413);
        isAProblem(response);
        assertThat(BUS.published).hasSize(published);
        if (messageId != null) {
            assertThat(ids.contains(messageId)).isEqualTo(known);
        }
    }

    /**
     * Signed, whatever the body and content type, the message is taken (200) or refused with a problem: not JSON or
     * not of the contract's shape (400), too big (413), not declared JSON (415).
     */
    @Property
    void aSignedMessageIsTakenOrRefusedWithAProblemNeverAServerError(@ForAll("bodies") byte[] body,
                                                                     @ForAll("contentTypes") String contentType)
            throws Exception {
        int published = BUS.published.size();

        HttpResponse<String> response = post(body, new HmacSignature(SECRET).sign(body), contentType);

        assertThat(response.statusCode()).isIn(200, 400, 413, 415);
        if (response.statusCode() == 200) {
            assertThat(BUS.published.size() - published).isLessThanOrEqualTo(1);
        } else {
            isAProblem(response);
            assertThat(BUS.published).hasSize(published);
        }
        if (BUS.published.size() > 100_000) {
            BUS.published.clear();
        }
    }

    private static HttpResponse<String> post(byte[] body, String signature, String contentType) throws Exception {
        var request = HttpRequest.newBuilder(messages).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(WhatsAppWebConfiguration.SIGNATURE_HEADER, signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void isAProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = SidecarBodies.JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(response.statusCode());
        assertThat(problem.path("title").asString()).isNotBlank();
    }

    private static String messageId(byte[] body) {
        try {
            return SidecarMessage.from(SidecarBodies.JSON.readTree(body)).messageId();
        } catch (JacksonException | SidecarMessage.InvalidShape notAMessage) {
            return null;
        }
    }
}
