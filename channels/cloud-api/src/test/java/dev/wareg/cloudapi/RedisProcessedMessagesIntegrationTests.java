package dev.wareg.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Redis store against the machine's Redis ({@code TEST_REDIS_HOST}, default {@code 127.0.0.1};
 * {@code TEST_REDIS_PORT}, default {@code 6379}), under a key prefix of its own deleted after each test.
 */
class RedisProcessedMessagesIntegrationTests extends ProcessedMessagesContract {

    private static final String HOST = environment("TEST_REDIS_HOST", "127.0.0.1");
    private static final int PORT = Integer.parseInt(environment("TEST_REDIS_PORT", "6379"));

    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;

    private final String keyPrefix = "wareg:test:" + UUID.randomUUID() + ":cloud-api:message:";
    private RedisProcessedMessages redisStore;

    @BeforeAll
    static void connect() {
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(HOST, PORT));
        connections.afterPropertiesSet();
        redis = new StringRedisTemplate(connections);
        try {
            redis.execute(connection -> connection.ping(), true);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot reach the test Redis at " + HOST + ":" + PORT
                    + " (set TEST_REDIS_HOST, TEST_REDIS_PORT): " + e.getMessage(), e);
        }
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    @Override
    ProcessedMessages emptyStore() {
        redisStore = new RedisProcessedMessages(redis, Duration.ofDays(7), keyPrefix);
        return redisStore;
    }

    @AfterEach
    void deleteKeys() {
        redis.delete(redis.keys(keyPrefix + "*"));
    }

    @Test
    void keepsAHashOfTheIdThatExpiresAfterTheTtl() {
        processed.remember("wamid.A");

        String key = redisStore.key("wamid.A");
        assertThat(key).matches(keyPrefix.replace(".", "\\.") + "[0-9a-f]{64}").doesNotContain("wamid");
        assertThat(redis.getExpire(key)).isBetween(Duration.ofDays(7).toSeconds() - 60, Duration.ofDays(7).toSeconds());
    }

    private static String environment(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
