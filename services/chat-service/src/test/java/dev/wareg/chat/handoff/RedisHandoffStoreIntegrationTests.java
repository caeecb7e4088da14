package dev.wareg.chat.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.testsupport.TestRedis;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Redis store against the machine's Redis ({@link TestRedis}), each test under a key prefix of its own, deleted
 * afterwards.
 */
class RedisHandoffStoreIntegrationTests extends HandoffStoreContract {

    private static TestRedis testRedis;
    private static StringRedisTemplate redis;

    private final String keyPrefix = TestRedis.freshKeyPrefix("handoff");

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
    HandoffStore emptyStore() {
        return new RedisHandoffStore(redis, MAX_AGE, keyPrefix);
    }

    @AfterEach
    void deleteKeys() {
        testRedis.deleteKeys(keyPrefix);
    }

    @Test
    void noKeyNamesThePerson() {
        store.add(request("web-chat", PHONE, NOW));

        assertThat(redis.keys(keyPrefix + "*")).hasSize(4).allSatisfy(key -> assertThat(key)
                .startsWith(keyPrefix)
                .doesNotContain("5511987654321", "web-chat")
                .matches(keyPrefix.replace(".", "\\.")
                        + "(waiting|all|entry:[0-9a-f-]{36}|conversation:[0-9a-f]{64})"));
    }

    @Test
    void redisExpiresAnEntryAfterTheMaximumAge() {
        Handoff request = request("web-chat", PHONE, NOW);
        store.add(request);

        Long millis = redis.getExpire(((RedisHandoffStore) store).entryKey(request.id()), TimeUnit.MILLISECONDS);

        assertThat(millis).isBetween(MAX_AGE.minusSeconds(10).toMillis(), MAX_AGE.toMillis());
    }
}
