package dev.wareg.chat.state;

import dev.wareg.chat.conversation.CodesPerNumberProperties;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The count of codes sent per number ({@link dev.wareg.chat.conversation.CodeSends}), kept where the conversations
 * are ({@code wareg.chat.conversation-store}: memory, redis or jdbc), so every instance that shares the
 * conversations shares the limit, and a deployment chooses one place for the chat's state.
 */
@Configuration(proxyBeanMethods = false)
class CodeSendsConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "wareg.chat.conversation-store", havingValue = "memory", matchIfMissing = true)
    static class InMemory {

        @Bean
        InMemoryCodeSends inMemoryCodeSends() {
            return new InMemoryCodeSends();
        }
    }

    /** Boot's Redis auto-configuration, which {@code ChatServiceApplication} excludes, as the conversation store does. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "wareg.chat.conversation-store", havingValue = "redis")
    @Import(DataRedisAutoConfiguration.class)
    static class Redis {

        @Bean
        RedisCodeSends redisCodeSends(StringRedisTemplate redis) {
            return new RedisCodeSends(redis);
        }
    }

    /** After the application's own Flyway migrations, as the conversation store's table (see its configuration). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "wareg.chat.conversation-store", havingValue = "jdbc")
    @EnableScheduling
    static class Jdbc {

        @Bean
        @DependsOnDatabaseInitialization
        JdbcCodeSends jdbcCodeSends(DataSource dataSource, Clock clock, CodesPerNumberProperties properties) {
            return new JdbcCodeSends(dataSource, clock, properties);
        }
    }
}
