package dev.wareg.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The machine's real PostgreSQL for integration tests, with a fresh schema per test class so classes neither
 * see each other's rows nor need cleaning up between runs. Where it is comes from the environment:
 * <table>
 *   <tr><th>Variable</th><th>Default</th></tr>
 *   <tr><td>{@code TEST_POSTGRES_URL}</td><td>{@code jdbc:postgresql://127.0.0.1:5432/test}</td></tr>
 *   <tr><td>{@code TEST_POSTGRES_USER}</td><td>{@code postgres}</td></tr>
 *   <tr><td>{@code TEST_POSTGRES_PASSWORD}</td><td>empty</td></tr>
 * </table>
 * Typical use:
 * <pre>{@code
 * static final TestPostgres.Schema schema = TestPostgres.freshSchema();
 *
 * @DynamicPropertySource
 * static void database(DynamicPropertyRegistry registry) {
 *     schema.registerAsDataSource(registry);
 * }
 * }</pre>
 */
public final class TestPostgres {

    private static final String URL = environment("TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = environment("TEST_POSTGRES_USER", "postgres");
    private static final String PASSWORD = environment("TEST_POSTGRES_PASSWORD", "");

    private TestPostgres() {
    }

    /**
     * Creates an empty schema {@code t_<random>} and returns how to reach it. The schema is dropped when the JVM
     * exits rather than after the test class, because Spring keeps application contexts (and their connection
     * pools) cached until then.
     */
    public static Schema freshSchema() {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute("create schema " + name);
        var schema = new Schema(name, withCurrentSchema(URL, name), USER, PASSWORD);
        Runtime.getRuntime().addShutdownHook(new Thread(schema::drop, "drop-" + name));
        return schema;
    }

    /**
     * @param name     the schema's name, also the connection's {@code search_path}
     * @param url      a JDBC URL whose connections work in that schema ({@code currentSchema=})
     * @param username the database user
     * @param password the user's password, possibly empty
     */
    public record Schema(String name, String url, String username, String password) {

        public Schema {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
        }

        /** Points Spring Boot's DataSource (and so Flyway and JdbcClient) at this schema. */
        public void registerAsDataSource(DynamicPropertyRegistry registry) {
            registry.add("spring.datasource.url", this::url);
            registry.add("spring.datasource.username", this::username);
            registry.add("spring.datasource.password", this::password);
        }

        /** Drops the schema and everything in it; harmless if it is already gone. */
        public void drop() {
            execute("drop schema if exists " + name + " cascade");
        }
    }

    static String withCurrentSchema(String url, String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the test PostgreSQL at " + URL
                    + " (set TEST_POSTGRES_URL, TEST_POSTGRES_USER, TEST_POSTGRES_PASSWORD): " + e.getMessage(), e);
        }
    }

    private static String environment(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
