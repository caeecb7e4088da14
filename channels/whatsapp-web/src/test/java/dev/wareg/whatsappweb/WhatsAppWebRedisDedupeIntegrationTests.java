package dev.wareg.whatsappweb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.platform.messaging.ChannelMessageIds;
import dev.wareg.platform.messaging.RecordingEventBus;
import dev.wareg.platform.messaging.RedisChannelMessageIds;
import dev.wareg.testsupport.MetaWebhooks;
import dev.wareg.testsupport.TestRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The distributed mode's dedupe ({@code wareg.whatsapp-web.dedupe=redis}) against the machine's Redis
 * ({@code REDIS_HOST}/{@code REDIS_PORT}, default 127.0.0.1:6379): a message id outlives the instance that saw it.
 */
@SpringBootTest(classes = WhatsAppWebApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wareg.whatsapp-web.secret=" + WhatsAppWebRedisDedupeIntegrationTests.SECRET,
                "wareg.whatsapp-web.dedupe=redis", "wareg.whatsapp-web.sidecar-url=http://127.0.0.1:9",
                "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
@Import(WhatsAppWebContractIntegrationTests.Bus.class)
class WhatsAppWebRedisDedupeIntegrationTests {

    static final String SECRET = "the-shared-secret";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String messageId = "3EB0" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    private final TestRedis redis = TestRedis.connect();

    @LocalServerPort
    int port;

    @Autowired
    RecordingEventBus bus;

    @Autowired
    ChannelMessageIds ids;

    @AfterEach
    void cleanUp() {
        redis.template().delete(store().key(messageId));
        redis.close();
    }

    private RedisChannelMessageIds store() {
        return new RedisChannelMessageIds(redis.template(), Duration.ofDays(7),
                RedisMessageIdsConfiguration.KEY_PREFIX);
    }

    private HttpResponse<String> post() throws Exception {
        byte[] body = ("{\"messageId\":\"" + messageId + "\",\"sender\":\"+5511987654321\","
                + "\"timestamp\":\"2026-11-25T18:30:00Z\",\"type\":\"text\",\"text\":\"oi\"}")
                .getBytes(StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/whatsapp-web/messages"))
                .header("Content-Type", "application/json")
                .header("X-Wareg-Signature-256", MetaWebhooks.signature(SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theIdIsKeptInRedisForSevenDaysAndARedeliveryIsADuplicate() throws Exception {
        assertThat(ids).isInstanceOf(RedisChannelMessageIds.class);

        assertThat(post().body()).contains("accepted");
        assertThat(post().body()).contains("duplicate");

        assertThat(bus.published).filteredOn(event -> event.eventId().equals(InboundMessages.eventId(messageId)))
                .hasSize(1);
        // Another instance, or this one after a restart, knows it too.
        assertThat(store().contains(messageId)).isTrue();
        assertThat(redis.template().getExpire(store().key(messageId)))
                .isBetween(Duration.ofDays(7).toSeconds() - 60, Duration.ofDays(7).toSeconds());
    }
}
