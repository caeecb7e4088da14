package dev.wareg.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.testsupport.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default with its events in the JDBC outbox and its conversations in the JDBC store: the application
 * is stopped and started again in the middle of many conversations (its embedded PostgreSQL keeping its data
 * directory), and still nothing is lost, nothing is applied twice, and everyone is told the truth. People whose
 * messages the stopped application could not take send them again, as a WhatsApp client would.
 */
class StandaloneRestartIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(StandaloneRestartIntegrationTests.class);

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    private final Path dataDirectory = Path.of("target", "standalone-data").toAbsolutePath();
    private int port;
    private int databasePort;
    private Process application;
    private URI uri;
    private EmailUpdates updates;

    @BeforeEach
    void startTheApplication() throws IOException, InterruptedException {
        port = FreePorts.next();
        databasePort = FreePorts.next();
        deleteRecursively(dataDirectory);
        start();
        uri = URI.create("http://127.0.0.1:" + port);
        updates = new EmailUpdates(http, uri, uri);
    }

    @AfterEach
    void stopTheApplication() throws InterruptedException {
        stop();
    }

    @Test
    void restartedInTheMiddleOfConversationsItLosesNothingAndAppliesNothingTwice() throws Exception {
        int count = Integer.getInteger("wareg.system-tests.standalone-conversations", 300);
        var done = new AtomicInteger();
        var restart = Thread.ofPlatform().name("restart").start(() -> {
            try {
                while (done.get() < count / 3) {
                    Thread.sleep(100);
                }
                log.info("the application stops with {} of {} conversations done", done.get(), count);
                stop();
                start();
                log.info("the application is back");
            } catch (Exception e) {
                throw new IllegalStateException("the application could not be restarted", e);
            }
        });

        Map<String, String> outcomes = updates.play(count, done::set);
        restart.join();

        // The embedded PostgreSQL asks for its superuser's password, kept in the data directory for its owner.
        String password = Files.readString(dataDirectory.resolve("wareg-superuser-password"));
        try (var connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres", "postgres", password)) {
            Map<String, Long> byOutcome = EmailUpdates.verify(connection, outcomes);
            log.info("{} conversations across a restart: {}", count, byOutcome);
            assertThat(byOutcome.getOrDefault("applied", 0L)).isEqualTo(count);
        }
    }

    @Test
    void aPersonAskedToConfirmBeforeARestartConfirmsAfterIt() throws Exception {
        String phone = updates.phone(0);
        updates.register(phone, "antigo" + phone.substring(1) + "@example.com");
        var person = new ChatUser(http, uri, phone);
        person.say("quero mudar meu email para " + EmailUpdates.newEmail(phone), EmailUpdates.PATIENCE);
        assertThat(person.awaitReply(reply -> reply.contains("Posso salvar?"), EmailUpdates.PATIENCE))
                .as("asked to confirm: %s", person.heard()).isPresent();

        stop();
        start();
        person.say("sim", EmailUpdates.PATIENCE);

        assertThat(person.awaitReply(reply -> reply.startsWith("Pronto!"), EmailUpdates.PATIENCE))
                .as("the confirmation was taken as one: %s", person.heard()).isPresent();
    }

    private void start() throws IOException, InterruptedException {
        Path jar = LocalDeployment.repositoryRoot().resolve("app/standalone/target/standalone-0.1.0-SNAPSHOT.jar");
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", jar.toString(),
                "--server.port=" + port,
                "--wareg.standalone.database.port=" + databasePort,
                "--wareg.standalone.database.data-directory=" + dataDirectory,
                // Every person of the run asks for a web chat code from this one address.
                "--wareg.web-chat.codes.per-client=1000000", "--wareg.web-chat.codes.max-pending=100000"));
        command.addAll(SystemTestsClient.accountApiArguments());
        application = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "standalone.log").toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!healthy()) {
            assertThat(application.isAlive()).as("the application is starting (see target/standalone.log)").isTrue();
            assertThat(System.nanoTime()).as("the application started in time").isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    /** As a platform stops it: SIGTERM, then it finishes what it is handling. */
    private void stop() throws InterruptedException {
        if (application != null && application.isAlive()) {
            application.destroy();
            if (!application.waitFor(60, TimeUnit.SECONDS)) {
                application.destroyForcibly().waitFor();
            }
        }
    }

    private boolean healthy() throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
