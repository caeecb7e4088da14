package dev.wareg.chat.state;

import dev.wareg.chat.ChatProperties;
import dev.wareg.chat.conversation.Conversation;
import dev.wareg.chat.conversation.ConversationStore;
import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.platform.messaging.EventCodec;
import dev.wareg.platform.messaging.TraceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Conversations in Redis, shared by every chat-service instance. Each is a hash under
 * {@code wareg:chat:conversation:<sha256 hex of channel + '\n' + sender>} holding the conversation as JSON
 * ({@code conversation}, its outbox included, so the events a turn publishes are stored in the same write as the
 * state it led to) next to the two numbers the optimistic save compares ({@code revision},
 * {@code updatedAt} in epoch milliseconds), and it expires {@code wareg.chat.conversation-ttl} after its last save.
 * <p>
 * Redis' expiry frees the memory; the injected clock decides what counts as expired, on reads and in the save
 * script alike, so the store behaves exactly like the in-memory one (and its tests need not sleep). Both use
 * milliseconds, the precision the script sees.
 */
class RedisConversationStore implements ConversationStore {

    /**
     * The sender's phone number stays out of the key: keys show up in {@code SCAN}/{@code MONITOR} output, slow logs
     * and memory reports, where a hash is enough to tell entries apart. The hash is not anonymisation (phone numbers
     * are few enough to enumerate), and the value still holds the sender; both vanish with the entry.
     */
    static final String KEY_PREFIX = "wareg:chat:conversation:";

    /**
     * Stores the conversation if nothing live is stored under the key (never saved, deleted, or expired: by Redis,
     * or by the caller's clock while Redis still holds it) or what is stored is still at the expected revision. Revisions are
     * compared as the decimal strings Java wrote. Returns 1 if it stored, 0 if another save came first.
     * <p>
     * KEYS[1] the conversation; ARGV: expected revision, new revision, updatedAt (ms), JSON, TTL (ms), now (ms).
     * See <a href="https://redis.io/docs/latest/develop/programmability/eval-intro/">Scripting with Lua</a>: the
     * script runs atomically, so two saves of one conversation cannot interleave.
     */
    private static final RedisScript<Long> SAVE = RedisScript.of("""
            local stored = redis.call('HMGET', KEYS[1], 'revision', 'updatedAt')
            local live = stored[1] and tonumber(stored[2]) + tonumber(ARGV[5]) > tonumber(ARGV[6])
            if live and stored[1] ~= ARGV[1] then
              return 0
            end
            redis.call('HSET', KEYS[1], 'revision', ARGV[2], 'updatedAt', ARGV[3], 'conversation', ARGV[4])
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            return 1
            """, Long.class);

    private static final EventCodec EVENTS = new EventCodec();

    /**
     * Its own mapper, not the application's, so settings for HTTP JSON cannot change the stored format. The events of
     * the conversation's outbox are written as the bus writes them ({@link EventCodec}'s envelope, without a trace):
     * the envelope names each event's type, which the record alone does not, and reads what older versions wrote.
     */
    private static final JsonMapper JSON = JsonMapper.builder().addModule(new SimpleModule("outbox")
            .addSerializer(IntegrationEvent.class, new ValueSerializer<>() {
                @Override
                public void serialize(IntegrationEvent event, JsonGenerator json, SerializationContext context) {
                    json.writeRawValue(new String(EVENTS.encode(event, TraceContext.NONE), StandardCharsets.UTF_8));
                }
            })
            .addDeserializer(IntegrationEvent.class, new ValueDeserializer<>() {
                @Override
                public IntegrationEvent deserialize(JsonParser json, DeserializationContext context) {
                    JsonNode envelope = context.readTree(json);
                    return EVENTS.decode(envelope.toString().getBytes(StandardCharsets.UTF_8)).event();
                }
            }))
            .build();

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final Duration ttl;
    private final String keyPrefix;

    RedisConversationStore(StringRedisTemplate redis, Clock clock, ChatProperties properties) {
        this(redis, clock, properties, KEY_PREFIX);
    }

    /** With another key prefix, so tests sharing one Redis keep apart. */
    RedisConversationStore(StringRedisTemplate redis, Clock clock, ChatProperties properties, String keyPrefix) {
        this.redis = redis;
        this.clock = clock;
        this.ttl = properties.conversationTtl();
        this.keyPrefix = keyPrefix;
    }

    @Override
    public Optional<Conversation> find(String channel, String sender) {
        Object json = redis.opsForHash().get(key(channel, sender), "conversation");
        return Optional.ofNullable(json)
                .map(value -> JSON.readValue((String) value, Conversation.class))
                .filter(conversation -> conversation.updatedAt().toEpochMilli() + ttl.toMillis() > clock.millis());
    }

    @Override
    public Optional<Conversation> save(Conversation conversation) {
        Conversation saved = conversation.saved();
        Long stored = redis.execute(SAVE, List.of(key(conversation.channel(), conversation.sender())),
                Long.toString(conversation.revision()), Long.toString(saved.revision()),
                Long.toString(saved.updatedAt().toEpochMilli()), JSON.writeValueAsString(saved),
                Long.toString(ttl.toMillis()), Long.toString(clock.millis()));
        return Long.valueOf(1).equals(stored) ? Optional.of(saved) : Optional.empty();
    }

    @Override
    public void delete(String channel, String sender) {
        redis.delete(key(channel, sender));
    }

    /** The Redis key of a conversation: see {@link #KEY_PREFIX}. */
    String key(String channel, String sender) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((channel + '\n' + sender).getBytes(StandardCharsets.UTF_8));
            return keyPrefix + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
