package dev.wareg.platform.messaging;

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
class RedisChannelMessageIdsIntegrationTests extends ChannelMessageIdsContract {

    private static TestRedis testRedis;
    private static StringRedisTemplate redis;

    private final String keyPrefix = TestRedis.freshKeyPrefix("channel:message");
    private RedisChannelMessageIds redisStore;

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
    ChannelMessageIds emptyStore() {
        redisStore = new RedisChannelMessageIds(redis, Duration.ofDays(7), keyPrefix);
        return redisStore;
    }

    @AfterEach
    void deleteKeys() {
        testRedis.deleteKeys(keyPrefix);
    }

    @Test
    void keepsAHashOfTheIdThatExpiresAfterTheTtl() {
        ids.remember("3EB0A");

        String key = redisStore.key("3EB0A");
        assertThat(key).matches(keyPrefix.replace(".", "\\.") + "[0-9a-f]{64}").doesNotContain("3EB0A");
        assertThat(redis.getExpire(key)).isBetween(Duration.ofDays(7).toSeconds() - 60, Duration.ofDays(7).toSeconds());
    }

    @Test
    void rememberingAgainDoesNotExtendTheExpiry() {
        ids.remember("3EB0A");
        String key = redisStore.key("3EB0A");
        redis.expire(key, Duration.ofSeconds(100));

        ids.remember("3EB0A");

        assertThat(redis.getExpire(key)).isLessThanOrEqualTo(100);
    }
}
