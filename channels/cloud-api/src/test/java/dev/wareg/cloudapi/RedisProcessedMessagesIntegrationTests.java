package dev.wareg.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.testsupport.TestRedis;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Redis store against the machine's Redis ({@code TEST_REDIS_HOST}, default {@code 127.0.0.1};
 * {@code TEST_REDIS_PORT}, default {@code 6379}), under a key prefix of its own deleted after each test.
 */
class RedisProcessedMessagesIntegrationTests extends ProcessedMessagesContract {

    private static TestRedis testRedis;
    private static StringRedisTemplate redis;

    private final String keyPrefix = TestRedis.freshKeyPrefix("cloud-api:message");
    private RedisProcessedMessages redisStore;

    @BeforeAll
    static void connect() {
        testRedis = TestRedis.connect();
        redis = testRedis.template();
    }

    @AfterAll
    static void disconnect() {
        testRedis.close();
    }

    @Override
    ProcessedMessages emptyStore() {
        redisStore = new RedisProcessedMessages(redis, Duration.ofDays(7), keyPrefix);
        return redisStore;
    }

    @AfterEach
    void deleteKeys() {
        testRedis.deleteKeys(keyPrefix);
    }

    @Test
    void keepsAHashOfTheIdThatExpiresAfterTheTtl() {
        processed.remember("wamid.A");

        String key = redisStore.key("wamid.A");
        assertThat(key).matches(keyPrefix.replace(".", "\\.") + "[0-9a-f]{64}").doesNotContain("wamid");
        assertThat(redis.getExpire(key)).isBetween(Duration.ofDays(7).toSeconds() - 60, Duration.ofDays(7).toSeconds());
    }
}
