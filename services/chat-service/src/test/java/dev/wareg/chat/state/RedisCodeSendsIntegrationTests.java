package dev.wareg.chat.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.chat.conversation.CodeSends;
import dev.wareg.testsupport.TestRedis;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The Redis store against the machine's Redis ({@link TestRedis}), each test under a key prefix of its own. */
class RedisCodeSendsIntegrationTests extends CodeSendsContract {

    private static TestRedis testRedis;
    private static StringRedisTemplate redis;

    private final String keyPrefix = TestRedis.freshKeyPrefix("code-sends");

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
    CodeSends emptyStore() {
        return new RedisCodeSends(redis, keyPrefix);
    }

    @AfterEach
    void deleteKeys() {
        testRedis.deleteKeys(keyPrefix);
    }

    @Test
    void aNumbersCountIsOneKeyNamedByItsHashThatRedisExpiresAfterTheWindow() {
        store.tryCount(NUMBER, NOW, HOUR, 3);

        assertThat(redis.keys(keyPrefix + "*")).containsExactly(keyPrefix + NUMBER);
        assertThat(redis.getExpire(keyPrefix + NUMBER, TimeUnit.SECONDS)).isBetween(HOUR.toSeconds() - 60,
                HOUR.toSeconds());
    }
}
