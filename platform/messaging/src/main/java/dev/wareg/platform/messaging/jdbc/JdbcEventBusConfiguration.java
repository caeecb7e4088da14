package dev.wareg.platform.messaging.jdbc;

import dev.wareg.platform.messaging.DeadLetterCounter;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.EventTracing;
import dev.wareg.platform.messaging.MessagingAutoConfiguration;
import dev.wareg.platform.messaging.MessagingProperties;
import dev.wareg.platform.messaging.PersonKeys;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;

/**
 * The JDBC bus when {@code wareg.messaging.bus=jdbc}, on the application's own {@link DataSource}: the outbox must
 * be written in the producer's transaction, which only works on the database and connection pool the producer
 * writes with. A service that chooses this bus therefore needs a DataSource ({@code spring.datasource.*}).
 */
@AutoConfiguration(before = MessagingAutoConfiguration.class,
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnProperty(name = "wareg.messaging.bus", havingValue = "jdbc")
@EnableConfigurationProperties({MessagingProperties.class, JdbcMessagingProperties.class})
public class JdbcEventBusConfiguration {

    /**
     * After the application's own Flyway migrations (Boot's, such as account-api's in the embedded default): they
     * refuse a schema that holds tables but not their history, so the bus's tables must come second, whichever
     * bean happens to need the bus first.
     */
    @Bean
    @ConditionalOnMissingBean(EventBus.class)
    @DependsOnDatabaseInitialization
    JdbcEventBus jdbcEventBus(DataSource dataSource, MessagingProperties properties, JdbcMessagingProperties settings,
                              ObjectProvider<EventTracing> tracing, ObjectProvider<Clock> clock,
                              ObjectProvider<MeterRegistry> meters, ObjectProvider<PersonKeys> keys) {
        var bus = new JdbcEventBus(dataSource, properties, settings, tracing.getIfAvailable(() -> EventTracing.NONE),
                clock.getIfAvailable(Clock::systemUTC), new DeadLetterCounter(meters.getIfAvailable()),
                keys.getIfAvailable(() -> properties.personKeysStore() == MessagingProperties.PersonKeysStore.DATABASE
                        ? new JdbcPersonKeys(dataSource) : PersonKeys.NONE));
        bus.forgetErasedPeople();
        return bus;
    }
}
