package dev.wareg.platform.messaging;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.wareg.contracts.AccountErased;
import dev.wareg.contracts.AccountErasureRequested;
import dev.wareg.contracts.HandoffRequested;
import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.contracts.MessageReceived;
import dev.wareg.contracts.RegistrationUpdateApplied;
import dev.wareg.contracts.RegistrationUpdateRejected;
import dev.wareg.contracts.RegistrationUpdateRequested;
import dev.wareg.contracts.SendEmail;
import dev.wareg.contracts.SendMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Events on the wire: a JSON envelope ({@code eventId}, {@code type}, {@code version}, {@code occurredAt}, the W3C
 * trace context) around the record's other components in {@code data}. The JSON Schema of each type is committed
 * in {@code contracts} ({@code dev/wareg/contracts/schema/<type>.v<version>.schema.json}).
 *
 * <p>Readers are tolerant: members they do not know are ignored and missing optional ones take the record's
 * defaults, so a consumer still reads what an older producer wrote. A version newer than the record's own is
 * refused ({@link UnreadableEvent}): an old consumer must not guess at an incompatible change.
 */
public final class EventCodec {

    /** Every event type the services exchange, by its name on the wire. */
    private static final Map<String, Class<? extends IntegrationEvent>> TYPES = List.of(
                    MessageReceived.class, SendMessage.class, RegistrationUpdateRequested.class,
                    RegistrationUpdateApplied.class, RegistrationUpdateRejected.class, HandoffRequested.class,
                    AccountErasureRequested.class, AccountErased.class, SendEmail.class)
            .stream().collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private final JsonMapper json = JsonMapper.builder()
            .changeDefaultVisibility(visibility -> visibility.withIsGetterVisibility(JsonAutoDetect.Visibility.NONE))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // A flag added to a version as an optional member (MessageReceived.senderVerified) reads as false when
            // an older producer did not write it; other missing primitives stay errors.
            .withConfigOverride(boolean.class,
                    override -> override.setNullHandling(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
            .build();

    /** An event read from the wire, with the trace context it was published in. */
    public record Decoded(IntegrationEvent event, TraceContext trace) {
    }

    /** The wire name of an event's type. */
    public static String typeOf(Class<? extends IntegrationEvent> type) {
        return type.getSimpleName();
    }

    public static boolean isKnownType(String type) {
        return TYPES.containsKey(type);
    }

    public byte[] encode(IntegrationEvent event, TraceContext trace) {
        ObjectNode data = json.valueToTree(event);
        data.remove("eventId");
        data.remove("occurredAt");
        ObjectNode envelope = json.createObjectNode();
        envelope.put("eventId", event.eventId().toString());
        envelope.put("type", typeOf(event.getClass()));
        envelope.put("version", event.version());
        envelope.put("occurredAt", event.occurredAt().toString());
        if (trace.traceparent() != null) {
            envelope.put("traceparent", trace.traceparent());
        }
        if (trace.tracestate() != null) {
            envelope.put("tracestate", trace.tracestate());
        }
        envelope.set("data", data);
        return json.writeValueAsBytes(envelope);
    }

    public Decoded decode(byte[] bytes) {
        try {
            JsonNode envelope = json.readTree(bytes);
            String typeName = envelope.path("type").asString("");
            Class<? extends IntegrationEvent> type = TYPES.get(typeName);
            if (type == null) {
                throw new UnreadableEvent("unknown event type " + typeName);
            }
            int version = envelope.path("version").asInt(1);
            if (!envelope.path("data").isObject()) {
                throw new UnreadableEvent(typeName + " without data");
            }
            ObjectNode data = ((ObjectNode) envelope.get("data")).deepCopy();
            data.put("eventId", UUID.fromString(envelope.path("eventId").asString()).toString());
            data.put("occurredAt", Instant.parse(envelope.path("occurredAt").asString()).toString());
            IntegrationEvent event = json.treeToValue(data, type);
            if (version > event.version()) {
                throw new UnreadableEvent(typeName + " version " + version + " is newer than this reader's "
                        + event.version());
            }
            return new Decoded(event, new TraceContext(
                    envelope.path("traceparent").asString(null), envelope.path("tracestate").asString(null)));
        } catch (JacksonException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new UnreadableEvent("unreadable event: " + e.getClass().getSimpleName());
        }
    }

    /**
     * The bytes are not an event this reader understands. The message says why without repeating the content,
     * which may hold personal data.
     */
    public static final class UnreadableEvent extends RuntimeException {

        public UnreadableEvent(String message) {
            super(message);
        }
    }
}
