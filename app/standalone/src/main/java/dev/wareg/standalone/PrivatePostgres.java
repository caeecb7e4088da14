package dev.wareg.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import org.postgresql.PGConnection;

/**
 * The embedded PostgreSQL, open to the OS user running this JVM and to whoever holds its superuser's password.
 *
 * <p>zonky runs {@code initdb -A trust}, and PostgreSQL's socket directory is {@code /tmp} by default, so any user
 * of the machine could connect as the superuser, over TCP or through the socket. Here instead:
 * <ul>
 * <li>the server listens on 127.0.0.1 only, and a TCP connection needs the superuser's password
 *     ({@code scram-sha-256}): 32 random bytes from {@link SecureRandom}, handed to {@code initdb --pwfile} through
 *     an owner-only file, never on a command line and never logged;</li>
 * <li>its Unix socket lies in a directory of its own (mode {@code 0700}, made at each start, removed at the end),
 *     so only this OS user can reach it. That socket stays {@code trust}: whoever can enter that directory is the
 *     user who owns the data directory, and could read or change every table through the files anyway;</li>
 * <li>{@code pg_hba.conf} is written at every start, after {@code initdb} and before the server starts, so these
 *     are the only rules, whatever an earlier start left there.</li>
 * </ul>
 *
 * <p>A data directory kept across restarts keeps the password too, in {@value #PASSWORD_FILE} inside it (mode
 * {@code 0600}; PostgreSQL keeps the directory itself at {@code 0700}): it gives away nothing the data directory's
 * owner could not read anyway, and it lets {@code psql} and the system tests in as well. A fresh password at each
 * start would need a client of the trusted socket to set it, which the JDBC driver is not. A data directory kept by
 * an earlier version, which had no password, is given one at its first start ({@link #givePassword}).
 */
final class PrivatePostgres implements Closeable {

    static final String SUPERUSER = "postgres";
    static final String PASSWORD_FILE = "wareg-superuser-password";
    private static final String ADDRESS = "127.0.0.1";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static final String ACCESS_RULES = """
            # Written by the embedded default at every start (PrivatePostgres): edits here do not last.
            # The socket lies in a directory only the data directory's owner can enter.
            local   all   all                  trust
            host    all   all   127.0.0.1/32   scram-sha-256
            """;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final EmbeddedPostgres server;
    private final Path socketDirectory;
    private final String password;

    private PrivatePostgres(EmbeddedPostgres server, Path socketDirectory, String password) {
        this.server = server;
        this.socketDirectory = socketDirectory;
        this.password = password;
    }

    /**
     * @param port          the port to listen on, 0 for a free one
     * @param dataDirectory a data directory to keep, made on the first start; {@code null} for a temporary one
     */
    static PrivatePostgres start(int port, Path dataDirectory) throws IOException {
        // A short name: a socket's whole path must fit in 103 bytes (macOS), its temporary directory's included.
        Path socketDirectory = Files.createTempDirectory("wareg-pg-", ownerOnly(OWNER_ONLY));
        // Should the JVM end before close() (a test's cached context), zonky's shutdown hook stops the server, which
        // removes its socket, and then the JVM deletes the emptied directory.
        socketDirectory.toFile().deleteOnExit();
        try {
            return start(port, dataDirectory, socketDirectory);
        } catch (IOException | RuntimeException e) {
            deleteRecursively(socketDirectory);
            throw e;
        }
    }

    private static PrivatePostgres start(int port, Path dataDirectory, Path socketDirectory) throws IOException {
        boolean kept = dataDirectory != null;
        boolean initialised = kept && Files.exists(dataDirectory.resolve("postgresql.conf"));
        if (initialised && !Files.exists(dataDirectory.resolve(PASSWORD_FILE))) {
            givePassword(dataDirectory, socketDirectory);
        }
        String password = initialised ? Files.readString(dataDirectory.resolve(PASSWORD_FILE)).strip() : newPassword();
        var builder = EmbeddedPostgres.builder().setPort(port)
                .setServerConfig("listen_addresses", ADDRESS)
                .setServerConfig("unix_socket_directories", socketDirectory.toString())
                .setConnectConfig("password", password)
                // After initdb, before the server starts; a crash after initdb still leaves the password with its data.
                .setDataDirectoryCustomizer(directory -> {
                    writeAccessRules(directory.toPath());
                    if (kept && !initialised) {
                        writeOwnerOnly(directory.toPath().resolve(PASSWORD_FILE), password);
                    }
                });
        Path initdbPassword = socketDirectory.resolve("initdb-password");
        if (!initialised) {
            writeOwnerOnly(initdbPassword, password);
            // zonky hands every "locale" setting to initdb as --name=value, its only way to pass an initdb option.
            builder.setLocaleConfig("pwfile", initdbPassword.toString());
        }
        if (kept) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        EmbeddedPostgres server = builder.start();
        Files.deleteIfExists(initdbPassword);
        return new PrivatePostgres(server, socketDirectory, password);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + ADDRESS + ":" + server.getPort() + "/postgres";
    }

    String password() {
        return password;
    }

    @Override
    public void close() throws IOException {
        try {
            server.close();
        } finally {
            deleteRecursively(socketDirectory);
        }
    }

    private static String newPassword() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /**
     * A data directory kept by an earlier version has no password and trusts every local connection. It is started
     * once as it is, on a free port, to give the superuser a password (sent as a SCRAM verifier, never in clear) and
     * keep it beside the data, then stopped; the real start then closes TCP to anyone without it. Until then, for
     * that one start, the directory is as open as it always was.
     */
    private static void givePassword(Path dataDirectory, Path socketDirectory) throws IOException {
        String password = newPassword();
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", ADDRESS)
                .setServerConfig("unix_socket_directories", socketDirectory.toString())
                .setDataDirectory(dataDirectory).setCleanDataDirectory(false).start();
             Connection connection = earlier.getPostgresDatabase().getConnection()) {
            connection.unwrap(PGConnection.class).alterUserPassword(SUPERUSER, password.toCharArray(),
                    "scram-sha-256");
        } catch (SQLException e) {
            throw new IOException("could not give the embedded PostgreSQL's superuser a password", e);
        }
        writeOwnerOnly(dataDirectory.resolve(PASSWORD_FILE), password);
    }

    private static void writeAccessRules(Path dataDirectory) {
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), ACCESS_RULES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeOwnerOnly(Path file, String content) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, ownerOnly(OWNER_READ_WRITE));
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The permissions as a file attribute where the file system has POSIX permissions; none elsewhere (Windows, where
     * a user's temporary directory is already the user's own by its access list).
     */
    private static FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
