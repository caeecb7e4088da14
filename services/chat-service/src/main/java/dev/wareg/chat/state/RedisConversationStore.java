package dev.wareg.chat.state;

import dev.wareg.chat.ChatProperties;
import dev.wareg.chat.conversation.Conversation;
import dev.wareg.chat.conversation.ConversationStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Conversations in Redis, shared by every chat-service instance. Each is a hash under
 * {@code wareg:chat:conversation:<}{@link ConversationKey}{@code >} holding the conversation as
 * {@link ConversationJson} ({@code conversation}) next to the two numbers the optimistic save compares
 * ({@code revision}, {@code updatedAt} in epoch milliseconds), and it expires {@code wareg.chat.conversation-ttl} after its last save.
 * <p>
 * Redis' expiry frees the memory; the injected clock decides what counts as expired, on reads and in the save
 * script alike, so the store behaves exactly like the in-memory one (and its tests need not sleep). Both use
 * milliseconds, the precision the script sees.
 */
class RedisConversationStore implements ConversationStore {

    /** Followed by the {@link ConversationKey}, so no phone number shows in keys. */
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
                .map(value -> ConversationJson.read((String) value))
                .filter(conversation -> conversation.updatedAt().toEpochMilli() + ttl.toMillis() > clock.millis());
    }

    @Override
    public Optional<Conversation> save(Conversation conversation) {
        Conversation saved = conversation.saved();
        Long stored = redis.execute(SAVE, List.of(key(conversation.channel(), conversation.sender())),
                Long.toString(conversation.revision()), Long.toString(saved.revision()),
                Long.toString(saved.updatedAt().toEpochMilli()), ConversationJson.write(saved),
                Long.toString(ttl.toMillis()), Long.toString(clock.millis()));
        return Long.valueOf(1).equals(stored) ? Optional.of(saved) : Optional.empty();
    }

    @Override
    public void delete(String channel, String sender) {
        redis.delete(key(channel, sender));
    }

    /** The Redis key of a conversation: see {@link #KEY_PREFIX}. */
    String key(String channel, String sender) {
        return keyPrefix + ConversationKey.of(channel, sender);
    }
}
