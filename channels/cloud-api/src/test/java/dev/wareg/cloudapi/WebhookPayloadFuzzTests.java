package dev.wareg.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.wareg.platform.messaging.InMemoryChannelMessageIds;
import dev.wareg.platform.messaging.RecordingEventBus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The webhook's parser under generated bodies ({@link MetaDeliveries}): it refuses nothing but what is not JSON, and
 * every message it reads can be published and answered. Tries: {@code jqwik.tries.default} (300 in
 * {@code junit-platform.properties}; the long run of docs/security.md, "Fuzzing", sets more).
 */
class WebhookPayloadFuzzTests {

    private final Clock clock = Clock.systemUTC();
    private final RecordingEventBus bus = new RecordingEventBus();
    private final InboundMessages inbound;

    // A dropped stale message is logged, and the generated timestamps are often stale: a million warnings would be
    // most of the run's time.
    @BeforeContainer
    static void quietStaleWarnings() {
        ((Logger) LoggerFactory.getLogger(InboundMessages.class)).setLevel(Level.ERROR);
    }

    @AfterContainer
    static void restoreStaleWarnings() {
        ((Logger) LoggerFactory.getLogger(InboundMessages.class)).setLevel(null);
    }

    WebhookPayloadFuzzTests() {
        var properties = new CloudApiProperties("", "app-secret", DataSize.ofMegabytes(1),
                CloudApiProperties.Dedupe.MEMORY, Duration.ofDays(7), "wareg:cloud-api:message:");
        inbound = new InboundMessages(bus, new InMemoryChannelMessageIds(properties.dedupeTtl(), clock),
                new WebhookMetrics(new SimpleMeterRegistry()), properties, clock);
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return MetaDeliveries.bodies();
    }

    @Provide
    Arbitrary<JsonNode> deliveries() {
        return MetaDeliveries.deliveries();
    }

    /** Whatever the bytes, they are JSON read as a delivery, or refused as not JSON: nothing else escapes. */
    @Property
    void anyBodyIsReadAsADeliveryOrRefusedAsNotJson(@ForAll("bodies") byte[] body) {
        JsonNode root;
        try {
            root = MetaDeliveries.JSON.readTree(body);
        } catch (JacksonException notJson) {
            return;
        }
        readsAndPublishes(root);
    }

    /** Meta's shape with members missing or of any type: what is read is a message the chat can answer. */
    @Property
    void everyMessageReadFromABentDeliveryCanBeAnswered(@ForAll("deliveries") JsonNode delivery) {
        readsAndPublishes(delivery);
    }

    private void readsAndPublishes(JsonNode root) {
        WebhookPayload payload = WebhookPayload.from(root);

        assertThat(payload.messages()).allSatisfy(message -> {
            assertThat(message.id()).isNotEmpty();
            assertThat(message.sender()).isNotEmpty();
            assertThat(message.text()).isNotNull();
            assertThat(message.media()).isIn(null, "audio", "image", "video", "document", "sticker", "reaction");
            if (message.location() != null) {
                assertThat(message.location().latitude()).isBetween(-90.0, 90.0);
                assertThat(message.location().longitude()).isBetween(-180.0, 180.0);
            }
        });
        bus.published.clear();
        inbound.receive(payload);
        assertThat(bus.messages()).hasSizeLessThanOrEqualTo(payload.messages().size())
                .allSatisfy(message -> assertThat(message.senderVerified()).isTrue());
    }
}
