package dev.wareg.cloudapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Message ids in Redis, shared by every instance and kept across restarts, each under its own key that expires on
 * its own ({@code SET key 1 NX EX ttl}). The key holds a SHA-256 of the id rather than the id: short, fixed-length
 * keys, and nothing in Redis that Meta's logs could be joined with.
 */
final class RedisProcessedMessages implements ProcessedMessages {

    private final StringRedisTemplate redis;
    private final Duration ttl;
    private final String keyPrefix;

    RedisProcessedMessages(StringRedisTemplate redis, Duration ttl, String keyPrefix) {
        this.redis = redis;
        this.ttl = ttl;
        this.keyPrefix = keyPrefix;
    }

    @Override
    public boolean contains(String messageId) {
        return Boolean.TRUE.equals(redis.hasKey(key(messageId)));
    }

    @Override
    public void remember(String messageId) {
        // NX: a second delivery must not push the expiry of the first further out.
        redis.opsForValue().setIfAbsent(key(messageId), "1", ttl);
    }

    String key(String messageId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
            return keyPrefix + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
