package dev.wareg.whatsappweb;

import dev.wareg.platform.messaging.RedisChannelMessageIds;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Redis, only where the message ids are kept there ({@code wareg.whatsapp-web.dedupe=redis}). The application
 * class excludes Boot's Redis auto-configuration; importing it here brings it back, with every
 * {@code spring.data.redis.*} setting and the health check, exactly when it is needed.
 */
@Configuration(value = "whatsappWebRedisMessageIdsConfiguration", proxyBeanMethods = false)
@ConditionalOnProperty(name = "wareg.whatsapp-web.dedupe", havingValue = "redis")
@Import(DataRedisAutoConfiguration.class)
class RedisMessageIdsConfiguration {

    static final String KEY_PREFIX = "wareg:whatsapp-web:message:";

    @Bean(WhatsAppWebConfiguration.MESSAGE_IDS)
    RedisChannelMessageIds whatsappWebRedisMessageIds(StringRedisTemplate redis, WhatsAppWebProperties properties) {
        return new RedisChannelMessageIds(redis, properties.dedupeTtl(), KEY_PREFIX);
    }
}
