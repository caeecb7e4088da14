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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
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
 *
 * <p><b>Sealed data.</b> Given a store of {@link PersonKeys}, the codec seals the {@code data} of every event about a
 * person: the envelope then holds {@code subject} (the person's {@link PersonSubjects subject}, a hash) and
 * {@code sealed} ({@code key}, the id of the person's key, and {@code data}, the members encrypted with AES-256-GCM
 * under that key, bound to the event id and type). Encoding an {@link AccountErased} first destroys the person's
 * keys: from that moment no copy of their earlier events can be read anywhere, and what is published after it (the
 * chat telling them their data is gone) is sealed under a new key. A sealed event whose key is gone cannot be
 * decoded ({@link ForgottenEvent}). Two events stay unsealed: {@link AccountErased}, which every holder must still
 * read once the keys are gone, and {@link AccountErasureRequested}, which holds no values. A reader still reads
 * unsealed envelopes (older producers, a deployment without keys).
 */
public final class EventCodec {

    /** Every event type the services exchange, by its name on the wire. */
    private static final Map<String, Class<? extends IntegrationEvent>> TYPES = List.of(
                    MessageReceived.class, SendMessage.class, RegistrationUpdateRequested.class,
                    RegistrationUpdateApplied.class, RegistrationUpdateRejected.class, HandoffRequested.class,
                    AccountErasureRequested.class, AccountErased.class, SendEmail.class)
            .stream().collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private static final Set<Class<? extends IntegrationEvent>> UNSEALED =
            Set.of(AccountErased.class, AccountErasureRequested.class);
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PersonKeys keys;
    private final JsonMapper json = JsonMapper.builder()
            .changeDefaultVisibility(visibility -> visibility.withIsGetterVisibility(JsonAutoDetect.Visibility.NONE))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // A flag added to a version as an optional member (MessageReceived.senderVerified) reads as false when
            // an older producer did not write it; other missing primitives stay errors.
            .withConfigOverride(boolean.class,
                    override -> override.setNullHandling(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
            .build();

    /** A codec that neither seals nor opens sealed data: for buses that keep nothing, and copies of events at rest
     * that their holder erases itself (a conversation's outbox). */
    public EventCodec() {
        this(PersonKeys.NONE);
    }

    public EventCodec(PersonKeys keys) {
        this.keys = keys;
    }

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
        if (event instanceof AccountErased erased && keys != PersonKeys.NONE) {
            keys.destroy(ErasedPerson.of(erased).subjects());
        }
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
        if (keys == PersonKeys.NONE || UNSEALED.contains(event.getClass())) {
            envelope.set("data", data);
        } else {
            String subject = PersonSubjects.ofOrderingKey(event.orderingKey());
            PersonKeys.PersonKey key = keys.current(subject);
            envelope.put("subject", subject);
            envelope.putObject("sealed")
                    .put("key", key.id().toString())
                    .put("data", seal(key, associatedData(envelope), json.writeValueAsBytes(data)));
        }
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
            ObjectNode data;
            if (envelope.path("sealed").isObject()) {
                data = open(envelope, typeName);
            } else if (envelope.path("data").isObject()) {
                data = ((ObjectNode) envelope.get("data")).deepCopy();
            } else {
                throw new UnreadableEvent(typeName + " without data");
            }
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

    private ObjectNode open(JsonNode envelope, String typeName) {
        if (keys == PersonKeys.NONE) {
            // Not forgotten: this reader was not given the store (wareg.messaging.person-keys), a dead letter to fix.
            throw new UnreadableEvent(typeName + " is sealed and this reader has no person keys");
        }
        JsonNode sealed = envelope.get("sealed");
        UUID keyId = UUID.fromString(sealed.path("key").asString(""));
        PersonKeys.PersonKey key = keys.find(envelope.path("subject").asString(""), keyId).orElseThrow(() ->
                keys.wasDestroyed(keyId) ? new ForgottenEvent(typeName)
                        // Lost (a store that was wiped, or another deployment's): a dead letter to look at, not silence.
                        : new UnreadableEvent(typeName + " is sealed under a key this store does not hold"));
        byte[] box = Base64.getDecoder().decode(sealed.path("data").asString(""));
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.secret(), "AES"),
                    new GCMParameterSpec(TAG_BITS, box, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(envelope));
            JsonNode data = json.readTree(cipher.doFinal(box, NONCE_BYTES, box.length - NONCE_BYTES));
            if (!data.isObject()) {
                throw new UnreadableEvent(typeName + " without data");
            }
            return (ObjectNode) data;
        } catch (GeneralSecurityException e) {
            throw new UnreadableEvent(typeName + " sealed data does not open: " + e.getClass().getSimpleName());
        }
    }

    private static String seal(PersonKeys.PersonKey key, byte[] associatedData, byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.secret(), "AES"),
                    new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] box = ByteBuffer.allocate(NONCE_BYTES + cipher.getOutputSize(plain.length))
                    .put(nonce).put(cipher.doFinal(plain)).array();
            return Base64.getEncoder().encodeToString(box);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has AES-GCM", e);
        }
    }

    /** What the seal binds the data to: it cannot be moved to another event, type or person. */
    private static byte[] associatedData(JsonNode envelope) {
        return (envelope.path("eventId").asString("") + ' ' + envelope.path("type").asString("") + ' '
                + envelope.path("subject").asString("")).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The bytes are not an event this reader understands. The message says why without repeating the content,
     * which may hold personal data.
     */
    public static sealed class UnreadableEvent extends RuntimeException permits ForgottenEvent {

        public UnreadableEvent(String message) {
            super(message);
        }
    }

    /**
     * A sealed event whose person's key was destroyed by an erasure: nothing can read it any more, and no one
     * should. Buses drop it as handled, not as a dead letter.
     */
    public static final class ForgottenEvent extends UnreadableEvent {

        public ForgottenEvent(String type) {
            super(type + " about an erased person, whose key is destroyed");
        }
    }
}
