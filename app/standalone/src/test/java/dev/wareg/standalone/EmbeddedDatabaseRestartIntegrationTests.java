package dev.wareg.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wareg.testsupport.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded default started twice on one kept data directory: the second start finds the password the first
 * made, still asks it of every TCP connection, and the data is still there. The password never reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseRestartIntegrationTests {

    @TempDir
    Path dataDirectory;

    @Test
    void aKeptDataDirectoryKeepsItsDataAndItsPasswordAcrossARestart(CapturedOutput output) throws Exception {
        int databasePort = FreePorts.next();
        try (var first = start(databasePort)) {
            JdbcClient.create(first.getBean(DataSource.class))
                    .sql("CREATE TABLE kept AS SELECT 'before the restart' AS note").update();
        }
        Path passwordFile = dataDirectory.resolve(PrivatePostgres.PASSWORD_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        String password = Files.readString(passwordFile);

        try (var second = start(databasePort)) {
            assertThat(JdbcClient.create(second.getBean(DataSource.class)).sql("SELECT note FROM kept")
                    .query(String.class).single()).isEqualTo("before the restart");
            String url = "jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres";
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class);
            try (var connection = DriverManager.getConnection(url, "postgres", password)) {
                assertThat(connection.isValid(1)).isTrue();
            }
        }
        assertThat(password).hasSizeGreaterThanOrEqualTo(22);
        assertThat(output.getAll()).doesNotContain(password);
    }

    /** As the embedded default kept its data before it had a password: the superuser's way in was trust. */
    @Test
    void aDataDirectoryKeptByAnEarlierVersionGetsAPasswordAtItsFirstStart() throws Exception {
        try (var earlier = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                .start()) {
            JdbcClient.create(earlier.getPostgresDatabase())
                    .sql("CREATE TABLE kept AS SELECT 'before the password' AS note").update();
        }

        try (var postgres = PrivatePostgres.start(0, dataDirectory)) {
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), "postgres", ""))
                    .isInstanceOfSatisfying(SQLException.class, refused -> assertThat(refused.getMessage())
                            .contains("The server requested SCRAM-based authentication"));
            try (var connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", postgres.password());
                 var rows = connection.createStatement().executeQuery("SELECT note FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("note")).isEqualTo("before the password");
            }
            assertThat(dataDirectory.resolve(PrivatePostgres.PASSWORD_FILE)).hasContent(postgres.password());
        }
    }

    private ConfigurableApplicationContext start(int databasePort) {
        return new SpringApplicationBuilder(StandaloneApplication.class).run(
                "--server.port=" + FreePorts.next(),
                "--wareg.standalone.database.port=" + databasePort,
                "--wareg.standalone.database.temporary=false",
                "--wareg.standalone.database.data-directory=" + dataDirectory);
    }
}
