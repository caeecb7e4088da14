package dev.wareg.cloudapi;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Redis, only where the message ids are kept there ({@code wareg.cloud-api.dedupe=redis}). The application class
 * excludes Boot's Redis auto-configuration; importing it here brings it back, with every {@code spring.data.redis.*}
 * setting and the health check, exactly when it is needed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "wareg.cloud-api.dedupe", havingValue = "redis")
@Import(DataRedisAutoConfiguration.class)
class RedisProcessedMessagesConfiguration {

    @Bean
    RedisProcessedMessages cloudApiRedisProcessedMessages(StringRedisTemplate redis, CloudApiProperties properties) {
        return new RedisProcessedMessages(redis, properties.dedupeTtl(), properties.dedupeKeyPrefix());
    }
}
