package dev.wareg.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The running embedded default's PostgreSQL lets in the application, with the random password it was given, and
 * the OS user running it, through a socket in a directory of its own; over TCP nobody without that password.
 */
@StandaloneTest
class EmbeddedDatabaseIntegrationTests extends StandaloneTest.Base {

    @Autowired
    DataSource dataSource;

    @Test
    void theApplicationsDataSourceConnectsAsTheSuperuser() {
        assertThat(sql().sql("SELECT current_user").query(String.class).single()).isEqualTo("postgres");
    }

    @Test
    void overTcpNobodyGetsInWithoutThePassword() {
        String url = "jdbc:postgresql://127.0.0.1:" + setting("port") + "/postgres";

        var withoutPassword = new Properties();
        withoutPassword.setProperty("user", "postgres");
        assertThatThrownBy(() -> DriverManager.getConnection(url, withoutPassword))
                .isInstanceOfSatisfying(SQLException.class, refused -> assertThat(refused.getMessage())
                        .contains("The server requested SCRAM-based authentication, but no password was provided"));
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
                .isInstanceOfSatisfying(SQLException.class, refused -> assertThat(refused.getMessage())
                        .contains("The server requested SCRAM-based authentication, but the password is an empty"));
        for (String wrong : List.of("postgres", "trust", "x".repeat(43))) {
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", wrong)).as(wrong)
                    .isInstanceOfSatisfying(SQLException.class, refused -> assertThat(refused.getSQLState())
                            .as("invalid_password").isEqualTo("28P01"));
        }
    }

    @Test
    void itListensOnLoopbackAndTrustsOnlyItsPrivateSocket() {
        assertThat(setting("listen_addresses")).isEqualTo("127.0.0.1");
        List<String> rules = sql().sql("SELECT type || ' ' || coalesce(address, '') || ' ' || auth_method"
                + " FROM pg_hba_file_rules ORDER BY line_number").query(String.class).list();
        assertThat(rules).containsExactly("local  trust", "host 127.0.0.1 scram-sha-256");
    }

    @Test
    void theSocketDirectoryIsOnlyThisUsersNotTmp() throws Exception {
        Path socketDirectory = Path.of(setting("unix_socket_directories"));

        assertThat(socketDirectory).isNotEqualTo(Path.of("/tmp")).isDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socketDirectory)))
                .isEqualTo("rwx------");
        assertThat(Files.getOwner(socketDirectory).getName()).isEqualTo(System.getProperty("user.name"));
        assertThat(socketDirectory.resolve(".s.PGSQL." + setting("port"))).exists();
    }

    private String setting(String name) {
        return sql().sql("SELECT current_setting(?)").param(name).query(String.class).single();
    }

    private JdbcClient sql() {
        return JdbcClient.create(dataSource);
    }
}
