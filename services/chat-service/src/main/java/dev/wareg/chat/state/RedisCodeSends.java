package dev.wareg.chat.state;

import dev.wareg.chat.conversation.CodeSends;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Codes sent per number in Redis, shared by every chat-service instance like the conversations are: under
 * {@code wareg:chat:code-sends:<key>} a sorted set of the sends in the window, scored by their time in epoch
 * milliseconds, expiring one window after the last send. The check and the count are one Lua script, atomic in
 * Redis.
 */
class RedisCodeSends implements CodeSends {

    static final String KEY_PREFIX = "wareg:chat:code-sends:";

    /**
     * KEYS[1] the number's sends; ARGV: now (ms), counted after (ms), limit, member, window (ms).
     * Returns 1 counted, 0 refused.
     */
    private static final RedisScript<Long> TRY_COUNT = RedisScript.of("""
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
            if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
              return 0
            end
            redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final String prefix;

    RedisCodeSends(StringRedisTemplate redis) {
        this(redis, KEY_PREFIX);
    }

    /** With another key prefix, so tests sharing one Redis keep apart. */
    RedisCodeSends(StringRedisTemplate redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    @Override
    public boolean tryCount(String key, Instant at, Duration window, int limit) {
        // A member of its own per send, so two sends in one millisecond are two; nothing reads it back.
        Long counted = redis.execute(TRY_COUNT, List.of(prefix + key), Long.toString(at.toEpochMilli()),
                Long.toString(at.minus(window).toEpochMilli()), Integer.toString(limit),
                at.toEpochMilli() + ":" + UUID.randomUUID(), Long.toString(window.toMillis()));
        return counted != null && counted == 1;
    }
}
