package dev.wareg.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wareg.testsupport.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
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
 * made, still asks it of every TCP connection, and the data is still there. The password never reaches the log. A
 * server a killed JVM left running is stopped at the next start; a second instance at the same time is refused.
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

    /**
     * A JVM that was killed leaves its PostgreSQL running on the data directory (it is a process of its own): the
     * next start stops that server and starts, rather than failing on a directory in use.
     */
    @Test
    void aServerLeftRunningByAKilledJvmIsStoppedAtTheNextStart(CapturedOutput output) throws Exception {
        Process jvm = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), AbandoningJvm.class.getName(), dataDirectory.toString())
                .redirectErrorStream(true).start();
        try (var lines = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(lines.lines().anyMatch(AbandoningJvm.STARTED::equals)).isTrue();
        }
        jvm.destroyForcibly().waitFor();
        long abandonedPid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst());
        assertThat(ProcessHandle.of(abandonedPid).filter(ProcessHandle::isAlive)).isPresent();

        try (var postgres = PrivatePostgres.start(0, dataDirectory);
             var connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", postgres.password())) {
            assertThat(connection.isValid(1)).isTrue();
            assertThat(ProcessHandle.of(abandonedPid).filter(ProcessHandle::isAlive)).isEmpty();
        }
        assertThat(output.getAll()).contains("was still running on", "stopping it first");
    }

    /** Starts the embedded PostgreSQL on a data directory, says so, and waits to be killed. */
    public static final class AbandoningJvm {

        static final String STARTED = "embedded PostgreSQL started";

        public static void main(String[] args) throws Exception {
            PrivatePostgres.start(0, Path.of(args[0]));
            System.out.println(STARTED);
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(5));
        }
    }

    @Test
    void aSecondInstanceOnTheSameDataDirectoryIsRefusedWithAClearMessage() throws Exception {
        try (var first = PrivatePostgres.start(0, dataDirectory)) {
            assertThatThrownBy(() -> PrivatePostgres.start(0, dataDirectory))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by another running instance")
                    .hasMessageContaining("--wareg.standalone.database.temporary=true");
            try (var connection = DriverManager.getConnection(first.jdbcUrl(), "postgres", first.password())) {
                assertThat(connection.isValid(1)).isTrue();
            }
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
