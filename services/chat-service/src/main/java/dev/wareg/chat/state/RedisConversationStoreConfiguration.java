package dev.wareg.chat.state;

import dev.wareg.chat.ChatProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Redis, only where the conversations are kept there ({@code wareg.chat.conversation-store=redis}).
 * <p>
 * {@code ChatServiceApplication} excludes Boot's Redis auto-configuration, so that applications keeping their
 * conversations in memory (the embedded default) get no Redis client and no Redis health check. Importing it here
 * brings it back, with every {@code spring.data.redis.*} setting and the health check, exactly when the store needs
 * it. Excluding it in {@code chat-service.properties} would not do: the embedded default does not read that file.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "wareg.chat.conversation-store", havingValue = "redis")
@Import(DataRedisAutoConfiguration.class)
class RedisConversationStoreConfiguration {

    @Bean
    RedisConversationStore redisConversationStore(StringRedisTemplate redis, Clock clock, ChatProperties properties) {
        return new RedisConversationStore(redis, clock, properties);
    }
}
