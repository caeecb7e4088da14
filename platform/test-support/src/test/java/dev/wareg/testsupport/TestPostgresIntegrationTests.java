package dev.wareg.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class TestPostgresIntegrationTests {

    @Test
    void aFreshSchemaIsEmptyIsTheConnectionsCurrentSchemaAndCanBeDropped() throws SQLException {
        var schema = TestPostgres.freshSchema();

        assertThat(schema.name()).matches("t_[0-9a-f]{16}");
        try (var connection = DriverManager.getConnection(schema.url(), schema.username(), schema.password());
                var statement = connection.createStatement()) {
            var current = statement.executeQuery("select current_schema()");
            current.next();
            assertThat(current.getString(1)).isEqualTo(schema.name());
            var tables = statement.executeQuery(
                    "select count(*) from information_schema.tables where table_schema = current_schema()");
            tables.next();
            assertThat(tables.getInt(1)).isZero();

            schema.drop();

            var remaining = statement.executeQuery(
                    "select count(*) from information_schema.schemata where schema_name = '" + schema.name() + "'");
            remaining.next();
            assertThat(remaining.getInt(1)).isZero();
        }
    }

    @Test
    void everyCallGivesAnotherSchema() {
        assertThat(TestPostgres.freshSchema().name()).isNotEqualTo(TestPostgres.freshSchema().name());
    }
}
