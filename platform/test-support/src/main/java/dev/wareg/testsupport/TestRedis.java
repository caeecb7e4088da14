package dev.wareg.testsupport;

import java.util.UUID;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The machine's real Redis for integration tests. Where it is comes from the environment: {@code TEST_REDIS_HOST}
 * (default {@code 127.0.0.1}) and {@code TEST_REDIS_PORT} (default {@code 6379}). Tests work under a key prefix of
 * their own ({@link #freshKeyPrefix}) and delete it afterwards, so runs sharing the Redis neither meet nor leave
 * anything behind.
 */
public final class TestRedis implements AutoCloseable {

    private static final String HOST = environment("TEST_REDIS_HOST", "127.0.0.1");
    private static final int PORT = Integer.parseInt(environment("TEST_REDIS_PORT", "6379"));

    private final LettuceConnectionFactory connections;
    private final StringRedisTemplate template;

    private TestRedis(LettuceConnectionFactory connections) {
        this.connections = connections;
        this.template = new StringRedisTemplate(connections);
    }

    /** Connects and checks Redis answers, or fails saying where it looked. */
    public static TestRedis connect() {
        var connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(HOST, PORT));
        connections.afterPropertiesSet();
        var redis = new TestRedis(connections);
        try {
            redis.template.execute(connection -> connection.ping(), true);
        } catch (RuntimeException e) {
            connections.destroy();
            throw new IllegalStateException("Cannot reach the test Redis at " + HOST + ":" + PORT
                    + " (set TEST_REDIS_HOST, TEST_REDIS_PORT): " + e.getMessage(), e);
        }
        return redis;
    }

    public StringRedisTemplate template() {
        return template;
    }

    /** {@code wareg:test:<random>:<name>:}, a prefix no other test uses. */
    public static String freshKeyPrefix(String name) {
        return "wareg:test:" + UUID.randomUUID() + ":" + name + ":";
    }

    public void deleteKeys(String prefix) {
        template.delete(template.keys(prefix + "*"));
    }

    @Override
    public void close() {
        connections.destroy();
    }

    private static String environment(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
