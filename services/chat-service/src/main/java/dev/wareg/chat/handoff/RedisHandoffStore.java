package dev.wareg.chat.handoff;

import dev.wareg.chat.state.ConversationKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staff queue in Redis, shared by every chat-service instance like the conversations are. Under a prefix
 * ({@code wareg:chat:handoff:}):
 * <ul>
 *   <li>{@code entry:<id>}: the entry as JSON, expiring after the queue's maximum age (so memory stays bounded even
 *   if no instance purges);</li>
 *   <li>{@code waiting}: a sorted set of the waiting ids, scored by the time of the request in epoch milliseconds;</li>
 *   <li>{@code all}: the same for every entry, claimed ones too, which is what an erasure looks through;</li>
 *   <li>{@code conversation:<}{@link ConversationKey}{@code >}: the id of the person's waiting entry, so no phone
 *   number is in a key name.</li>
 * </ul>
 * Adding and claiming are Lua scripts, atomic in Redis, so instances cannot add a person twice or claim an entry
 * twice; dropping and erasing go key by key, where {@code ZREM}'s answer decides who counts an entry. The scripts
 * touch several keys, which a standalone Redis (or Sentinel) allows and Redis Cluster only within one hash slot.
 * Erasing reads every entry: the queue is bounded by its maximum age, so that is at most a day of requests.
 */
class RedisHandoffStore implements HandoffStore {

    static final String KEY_PREFIX = "wareg:chat:handoff:";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * KEYS: entry, conversation, waiting, all; ARGV: id, JSON, requested at (ms), time to live (ms).
     * Returns 1 added, 0 the id is known, 2 the person already waits under a live entry.
     */
    private static final RedisScript<Long> ADD = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then
              return 0
            end
            local waiting = redis.call('GET', KEYS[2])
            if waiting and redis.call('ZSCORE', KEYS[3], waiting) then
              return 2
            end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[4])
            redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[4])
            redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
            redis.call('ZADD', KEYS[4], ARGV[3], ARGV[1])
            return 1
            """, Long.class);

    /**
     * KEYS: entry, waiting, conversation; ARGV: id, claimed JSON.
     * Returns 0 unknown, 1 already claimed, 2 claimed now.
     */
    private static final RedisScript<Long> CLAIM = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then
              return 0
            end
            if redis.call('ZREM', KEYS[2], ARGV[1]) == 0 then
              return 1
            end
            redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
            if redis.call('GET', KEYS[3]) == ARGV[1] then
              redis.call('DEL', KEYS[3])
            end
            return 2
            """, Long.class);

    private final StringRedisTemplate redis;
    private final Duration maxAge;
    private final String prefix;

    RedisHandoffStore(StringRedisTemplate redis, Duration maxAge) {
        this(redis, maxAge, KEY_PREFIX);
    }

    /** With another key prefix, so tests sharing one Redis keep apart. */
    RedisHandoffStore(StringRedisTemplate redis, Duration maxAge, String prefix) {
        this.redis = redis;
        this.maxAge = maxAge;
        this.prefix = prefix;
    }

    @Override
    public Added add(Handoff waiting) {
        Long added = redis.execute(ADD,
                List.of(entryKey(waiting.id()), conversationKey(waiting), prefix + "waiting", prefix + "all"),
                waiting.id().toString(), write(waiting), Long.toString(waiting.requestedAt().toEpochMilli()),
                Long.toString(maxAge.toMillis()));
        return switch (Objects.requireNonNull(added).intValue()) {
            case 1 -> Added.ADDED;
            case 0 -> Added.DUPLICATE;
            default -> Added.ALREADY_WAITING;
        };
    }

    @Override
    public List<Handoff> waiting() {
        return entries(redis.opsForZSet().range(prefix + "waiting", 0, -1));
    }

    @Override
    public Claim claim(UUID id, Instant at, String by) {
        String json = redis.opsForValue().get(entryKey(id));
        if (json == null) {
            return new Claim.Unknown();
        }
        Handoff entry = read(json);
        Handoff claimed = entry.claimed(at, by);
        Long outcome = redis.execute(CLAIM, List.of(entryKey(id), prefix + "waiting", conversationKey(entry)),
                id.toString(), write(claimed));
        return switch (Objects.requireNonNull(outcome).intValue()) {
            case 2 -> new Claim.Claimed(claimed);
            case 1 -> new Claim.AlreadyClaimed(read(Objects.requireNonNullElse(
                    redis.opsForValue().get(entryKey(id)), json))); // the entry as the winner left it
            default -> new Claim.Unknown();
        };
    }

    /**
     * Takes the old ids out of the sorted sets one by one ({@code all} holds every id, waiting or claimed, whether or
     * not Redis already expired its entry): {@code ZREM} says whether this call removed an id, so two instances
     * purging at once count each waiting entry once.
     */
    @Override
    public int dropRequestedUpTo(Instant cutoff) {
        int waiting = 0;
        Set<String> old = redis.opsForZSet().rangeByScore(prefix + "all", Double.NEGATIVE_INFINITY,
                cutoff.toEpochMilli());
        for (String id : old == null ? Set.<String>of() : old) {
            String json = redis.opsForValue().get(prefix + "entry:" + id);
            Long removed = redis.opsForZSet().remove(prefix + "waiting", id);
            if (removed != null && removed == 1) {
                waiting++;
            }
            redis.delete(prefix + "entry:" + id);
            if (json != null) {
                deleteConversationPointer(read(json));
            }
            redis.opsForZSet().remove(prefix + "all", id);
        }
        return waiting;
    }

    @Override
    public int erase(Set<String> conversationIds) {
        int erased = 0;
        Set<String> ids = redis.opsForZSet().range(prefix + "all", 0, -1);
        for (String id : ids == null ? Set.<String>of() : ids) {
            String json = redis.opsForValue().get(prefix + "entry:" + id);
            if (json == null) {
                redis.opsForZSet().remove(prefix + "all", id);
                redis.opsForZSet().remove(prefix + "waiting", id);
                continue;
            }
            Handoff entry = read(json);
            if (conversationIds.contains(entry.conversationId())) {
                redis.opsForZSet().remove(prefix + "waiting", id);
                redis.delete(prefix + "entry:" + id);
                deleteConversationPointer(entry);
                redis.opsForZSet().remove(prefix + "all", id);
                erased++;
            }
        }
        return erased;
    }

    /** The key of an entry: the id is a UUID, never a phone. */
    String entryKey(UUID id) {
        return prefix + "entry:" + id;
    }

    /** The key of a person's waiting entry: see {@link ConversationKey}. */
    String conversationKey(Handoff entry) {
        return prefix + "conversation:" + ConversationKey.of(entry.channel(), entry.conversationId());
    }

    private void deleteConversationPointer(Handoff entry) {
        String key = conversationKey(entry);
        if (entry.id().toString().equals(redis.opsForValue().get(key))) {
            redis.delete(key);
        }
    }

    private List<Handoff> entries(Set<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<String> keys = ids.stream().map(id -> prefix + "entry:" + id).toList();
        List<String> values = redis.opsForValue().multiGet(keys);
        List<Handoff> entries = new ArrayList<>();
        for (String json : values == null ? List.<String>of() : values) {
            if (json != null) {
                entries.add(read(json));
            }
        }
        return entries;
    }

    private static String write(Handoff entry) {
        return JSON.writeValueAsString(entry);
    }

    private static Handoff read(String json) {
        return JSON.readValue(json, Handoff.class);
    }
}
