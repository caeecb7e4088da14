package dev.wareg.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Creates the benchmark's database on first use, before the DataSource and Flyway need it, so the launcher asks
 * for nothing but a running PostgreSQL. It connects to the server's {@code postgres} database to do so, with the
 * datasource's user and password.
 */
final class BenchDatabase implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Pattern POSTGRES_URL = Pattern.compile("(jdbc:postgresql://[^/]*/)([a-z0-9_]+)(\\?.*)?");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment environment = event.getEnvironment();
        String url = environment.getRequiredProperty("spring.datasource.url");
        Matcher parts = POSTGRES_URL.matcher(url);
        if (!parts.matches()) {
            throw new IllegalStateException("The benchmark expects spring.datasource.url to be"
                    + " jdbc:postgresql://<host>[:<port>]/<database> with a lower-case database name, not " + url);
        }
        String database = parts.group(2);
        String maintenanceUrl = parts.group(1) + "postgres" + (parts.group(3) == null ? "" : parts.group(3));
        try (Connection connection = DriverManager.getConnection(maintenanceUrl,
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"))) {
            boolean exists;
            try (var query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                query.setString(1, database);
                try (var rows = query.executeQuery()) {
                    exists = rows.next();
                }
            }
            if (!exists) {
                try (var create = connection.createStatement()) {
                    // The name matched [a-z0-9_]+ above: safe to quote into the statement.
                    create.execute("create database \"" + database + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the benchmark database " + database
                    + " through " + maintenanceUrl, e);
        }
    }
}
