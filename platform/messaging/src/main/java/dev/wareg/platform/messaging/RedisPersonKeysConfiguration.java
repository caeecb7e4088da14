package dev.wareg.platform.messaging;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Person keys in Redis when {@code wareg.messaging.person-keys=redis}. Services exclude Boot's Redis
 * auto-configuration; importing it here brings it back, with every {@code spring.data.redis.*} setting and the
 * health check, where the keys are kept there.
 */
@AutoConfiguration(beforeName = {"dev.wareg.platform.messaging.rabbit.RabbitEventBusConfiguration",
        "dev.wareg.platform.messaging.servicebus.ServiceBusEventBusConfiguration"})
@ConditionalOnClass(StringRedisTemplate.class)
@ConditionalOnProperty(name = "wareg.messaging.person-keys", havingValue = "redis")
@Import(DataRedisAutoConfiguration.class)
public class RedisPersonKeysConfiguration {

    @Bean
    @ConditionalOnMissingBean(PersonKeys.class)
    RedisPersonKeys redisPersonKeys(StringRedisTemplate redis) {
        return new RedisPersonKeys(redis, RedisPersonKeys.KEY_PREFIX);
    }
}
