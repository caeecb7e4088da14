package dev.wareg.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *
 * <p>A kept data directory is this JVM's while it runs: a lock on {@code <data directory>.lock} beside it, which the
 * operating system releases when the JVM ends however it ends, keeps a second instance out with a clear message.
 * PostgreSQL runs as a process of its own, so a JVM that was killed (or crashed) leaves it running on the directory,
 * and the next start would fail on it; holding the lock proves that server has no JVM any more, so it is stopped
 * first ({@link #stopAbandonedServer}).
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

    private static final Logger log = LoggerFactory.getLogger(PrivatePostgres.class);
    private static final Duration ABANDONED_SERVER_STOP = Duration.ofSeconds(30);

    private final EmbeddedPostgres server;
    private final Path socketDirectory;
    private final String password;
    private final FileChannel lock;

    private PrivatePostgres(EmbeddedPostgres server, Path socketDirectory, String password, FileChannel lock) {
        this.server = server;
        this.socketDirectory = socketDirectory;
        this.password = password;
        this.lock = lock;
    }

    /**
     * @param port          the port to listen on, 0 for a free one
     * @param dataDirectory a data directory to keep, made on the first start; {@code null} for a temporary one
     */
    static PrivatePostgres start(int port, Path dataDirectory) throws IOException {
        FileChannel lock = dataDirectory == null ? null : lock(dataDirectory);
        try {
            if (lock != null) {
                stopAbandonedServer(dataDirectory);
            }
            return start(port, dataDirectory, lock);
        } catch (IOException | RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
    }

    private static PrivatePostgres start(int port, Path dataDirectory, FileChannel lock) throws IOException {
        // A short name: a socket's whole path must fit in 103 bytes (macOS), its temporary directory's included.
        Path socketDirectory = Files.createTempDirectory("wareg-pg-", ownerOnly(OWNER_ONLY));
        // Should the JVM end before close() (a test's cached context), zonky's shutdown hook stops the server, which
        // removes its socket, and then the JVM deletes the emptied directory.
        socketDirectory.toFile().deleteOnExit();
        try {
            return start(port, dataDirectory, socketDirectory, lock);
        } catch (IOException | RuntimeException e) {
            deleteRecursively(socketDirectory);
            throw e;
        }
    }

    private static PrivatePostgres start(int port, Path dataDirectory, Path socketDirectory, FileChannel lock)
            throws IOException {
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
        return new PrivatePostgres(server, socketDirectory, password, lock);
    }

    /** Takes the data directory for this JVM, or refuses when another running instance has it. */
    private static FileChannel lock(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.toAbsolutePath().resolveSibling(dataDirectory.getFileName() + ".lock");
        Files.createDirectories(lockFile.getParent());
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (channel.tryLock() != null) {
                return channel;
            }
        } catch (OverlappingFileLockException e) {
            // This JVM has it already: a second application context on the same directory.
        }
        channel.close();
        throw new IllegalStateException("The embedded database in " + dataDirectory + " is in use by another running"
                + " instance: stop that one, or give this one a directory of its own"
                + " (--wareg.standalone.database.data-directory=...) or a throwaway database"
                + " (--wareg.standalone.database.temporary=true)");
    }

    /**
     * Stops a server a killed JVM left running on the data directory (its {@code postmaster.pid} names a live
     * postgres process), waiting for it to finish: PostgreSQL's smart shutdown, whose clients all died with the JVM.
     */
    private static void stopAbandonedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        if (!firstLine.matches("\\d{1,10}")) {
            return;
        }
        var abandoned = ProcessHandle.of(Long.parseLong(firstLine))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.contains("postgres"))
                        .orElse(false));
        if (abandoned.isEmpty()) {
            return;
        }
        log.warn("An embedded PostgreSQL (pid {}) was still running on {}, left by an earlier run that did not stop"
                + " cleanly (killed or crashed); stopping it first", firstLine, dataDirectory);
        abandoned.get().destroy();
        try {
            abandoned.get().onExit().get(ABANDONED_SERVER_STOP.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the abandoned embedded PostgreSQL stopped", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the embedded PostgreSQL left running on " + dataDirectory + " (pid " + firstLine
                    + ") did not stop within " + ABANDONED_SERVER_STOP.toSeconds() + " s; stop it, then start again",
                    e);
        }
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
            try {
                deleteRecursively(socketDirectory);
            } finally {
                if (lock != null) {
                    lock.close();
                }
            }
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
