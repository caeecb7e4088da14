package dev.wareg.chat.handoff;

import dev.wareg.platform.messaging.EventBus;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The staff queue, only where the deployment says people answer hand-offs ({@code wareg.chat.handoff.staffed}); its
 * entries are kept where the conversations are ({@code wareg.chat.conversation-store}: memory, redis or jdbc), so a
 * deployment chooses one place for the chat's state. Scheduling is enabled for the queue's refresh.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("wareg.chat.handoff.staffed")
@EnableScheduling
class StaffQueueConfiguration {

    @Bean
    StaffQueue staffQueue(HandoffStore store, EventBus bus, Clock clock, StaffQueueProperties properties,
                          HandoffMetrics metrics) {
        return new StaffQueue(store, bus, clock, properties, metrics);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "wareg.chat.conversation-store", havingValue = "memory", matchIfMissing = true)
    static class InMemory {

        @Bean
        InMemoryHandoffStore inMemoryHandoffStore() {
            return new InMemoryHandoffStore();
        }
    }

    /** Boot's Redis auto-configuration, which {@code ChatServiceApplication} excludes, as the conversation store does. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "wareg.chat.conversation-store", havingValue = "redis")
    @Import(DataRedisAutoConfiguration.class)
    static class Redis {

        @Bean
        RedisHandoffStore redisHandoffStore(StringRedisTemplate redis, StaffQueueProperties properties) {
            return new RedisHandoffStore(redis, properties.maxAge());
        }
    }

    /** After the application's own Flyway migrations, as the conversation store's table (see its configuration). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "wareg.chat.conversation-store", havingValue = "jdbc")
    static class Jdbc {

        @Bean
        @DependsOnDatabaseInitialization
        JdbcHandoffStore jdbcHandoffStore(DataSource dataSource) {
            return new JdbcHandoffStore(dataSource);
        }
    }
}
