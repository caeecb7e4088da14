package dev.wareg.chat.state;

import dev.wareg.chat.ChatProperties;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * PostgreSQL, only where the conversations are kept there ({@code wareg.chat.conversation-store=jdbc}), on the
 * application's {@link DataSource} ({@code spring.datasource.*}, or the embedded default's own); the other stores
 * need no database. Scheduling is enabled for the store's purge of expired conversations.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "wareg.chat.conversation-store", havingValue = "jdbc")
@EnableScheduling
class JdbcConversationStoreConfiguration {

    /**
     * After the application's own Flyway migrations (Boot's, such as account-api's in the embedded default): they
     * refuse a schema that holds tables but not their history, so the store's table must come second.
     */
    @Bean
    @DependsOnDatabaseInitialization
    JdbcConversationStore jdbcConversationStore(DataSource dataSource, Clock clock, ChatProperties properties) {
        return new JdbcConversationStore(dataSource, clock, properties);
    }
}
