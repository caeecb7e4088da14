package dev.wareg.chat.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.chat.ChatProperties;
import dev.wareg.chat.conversation.ConversationStore;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Redis store against the machine's Redis ({@code TEST_REDIS_HOST}, default {@code 127.0.0.1};
 * {@code TEST_REDIS_PORT}, default {@code 6379}). Every store works under a key prefix of its own, deleted after
 * each test, so runs sharing the Redis neither meet nor leave anything behind.
 */
class RedisConversationStoreIntegrationTests extends ConversationStoreContract {

    private static final String HOST = environment("TEST_REDIS_HOST", "127.0.0.1");
    private static final int PORT = Integer.parseInt(environment("TEST_REDIS_PORT", "6379"));

    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;

    private final String keyPrefix = "wareg:test:" + UUID.randomUUID() + ":conversation:";
    private RedisConversationStore redisStore;

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
    ConversationStore emptyStore(Clock clock, ChatProperties properties) {
        redisStore = new RedisConversationStore(redis, clock, properties, keyPrefix);
        return redisStore;
    }

    @AfterEach
    void deleteKeys() {
        redis.delete(redis.keys(keyPrefix + "*"));
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

    private static String environment(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
