package dev.wareg.chat;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration;

/**
 * chat-service on its own. Its settings are in {@code chat-service.properties}.
 * <p>
 * Redis is set up by the Redis conversation store when it is chosen ({@code RedisConversationStoreConfiguration}),
 * not by Boot on finding the driver on the classpath: that would give every application including chat-service,
 * the embedded default too (which imports this class, and with it this exclusion), a Redis client and a health
 * check that is DOWN where no Redis runs. chat-service keeps nothing in Redis repositories.
 */
@SpringBootApplication(exclude = {DataRedisAutoConfiguration.class, DataRedisRepositoriesAutoConfiguration.class})
public class ChatServiceApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(ChatServiceApplication.class)
                .properties("spring.config.name=chat-service")
                .run(args);
    }
}
