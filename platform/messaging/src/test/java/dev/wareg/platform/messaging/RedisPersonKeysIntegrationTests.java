package dev.wareg.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.testsupport.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Person keys in the machine's Redis, under a key prefix of its own deleted after each test. */
class RedisPersonKeysIntegrationTests extends PersonKeysContract {

    private static TestRedis testRedis;
    private static StringRedisTemplate redis;

    private final String keyPrefix = TestRedis.freshKeyPrefix("person-key");

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
    protected PersonKeys emptyStore() {
        return new RedisPersonKeys(redis, keyPrefix);
    }

    @AfterEach
    void deleteKeys() {
        testRedis.deleteKeys(keyPrefix);
    }

    @Test
    void redisHoldsTheSubjectsHashNeverThePhone() {
        keys.current(PersonSubjects.of("+5511987654321"));

        assertThat(redis.keys(keyPrefix + "*")).singleElement().asString()
                .doesNotContain("987654321").hasSize(keyPrefix.length() + 43);
    }
}
