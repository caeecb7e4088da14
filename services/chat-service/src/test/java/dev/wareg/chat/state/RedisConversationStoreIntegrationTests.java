package dev.wareg.chat.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.chat.ChatProperties;
import dev.wareg.chat.conversation.ConversationStore;
import dev.wareg.testsupport.TestRedis;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Redis store against the machine's Redis ({@code TEST_REDIS_HOST}, default {@code 127.0.0.1};
 * {@code TEST_REDIS_PORT}, default {@code 6379}). Every store works under a key prefix of its own, deleted after
 * each test, so runs sharing the Redis neither meet nor leave anything behind.
 */
class RedisConversationStoreIntegrationTests extends ConversationStoreContract {

    private static TestRedis testRedis;
    private static StringRedisTemplate redis;

    private final String keyPrefix = TestRedis.freshKeyPrefix("conversation");
    private RedisConversationStore redisStore;

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
    ConversationStore emptyStore(Clock clock, ChatProperties properties) {
        redisStore = new RedisConversationStore(redis, clock, properties, keyPrefix);
        return redisStore;
    }

    @AfterEach
    void deleteKeys() {
        testRedis.deleteKeys(keyPrefix);
    }

    @Test
    void theKeyDoesNotNameTheSender() {
        store.save(collecting("web-chat", PHONE));

        assertThat(redis.keys(keyPrefix + "*")).singleElement().asString()
                .isEqualTo(redisStore.key("web-chat", PHONE))
                .matches(keyPrefix.replace(".", "\\.") + "[0-9a-f]{64}")
                .doesNotContain("5511987654321", "web-chat");
    }

    @Test
    void redisExpiresTheConversationAfterItsTimeToLive() {
        store.save(collecting("web-chat", PHONE));

        Long millis = redis.getExpire(redisStore.key("web-chat", PHONE), TimeUnit.MILLISECONDS);

        assertThat(millis).isBetween(TTL.minus(Duration.ofSeconds(10)).toMillis(), TTL.toMillis());
    }

    @Test
    void readsAConversationStoredBeforeItHadAnOutbox() {
        var saved = store.save(collecting("web-chat", PHONE)).orElseThrow();
        String key = redisStore.key("web-chat", PHONE);
        String json = (String) redis.opsForHash().get(key, "conversation");
        assertThat(json).contains(",\"handled\":null,\"outbox\":[]");
        redis.opsForHash().put(key, "conversation", json.replace(",\"handled\":null,\"outbox\":[]", ""));

        assertThat(store.find("web-chat", PHONE)).contains(saved);
    }
}
