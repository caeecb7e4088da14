package dev.wareg.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.testsupport.FakeGraphApi;
import dev.wareg.testsupport.FaultInjectingProxy;
import dev.wareg.testsupport.MetaWebhooks;
import dev.wareg.testsupport.FaultInjectingProxy.Fault;
import dev.wareg.testsupport.TestPostgres;
import dev.wareg.testsupport.WhatsAppUser;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system as deployed, one process per service (deploy/local/run.sh) against the machine's PostgreSQL, Redis
 * and RabbitMQ, spoken to only through the channels, as a person would: the web chat, and the WhatsApp Cloud API
 * channel with Meta's signed webhook in and a fake Graph API out. The update-worker reaches account-api through a
 * proxy that can fail on demand.
 *
 * <p>The fault run plays {@code wareg.system-tests.conversations} e-mail updates (1,000 by default; the longer
 * run in docs/benchmarks.md passes 10,000) while the worker is killed and restarted, the broker is stopped and
 * started, account-api answers 500s and then does not answer, and account-api's database connections are
 * dropped. At the end, from the database and the transcripts: nothing lost, nothing applied twice, and every
 * person was told what really happened.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributedModeIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(DistributedModeIntegrationTests.class);
    private static final Duration PATIENCE = EmailUpdates.PATIENCE;
    private static final String DB_APPLICATION = "wareg-system-tests-account-api";

    private static TestPostgres.Schema schema;
    private static final String APP_SECRET = "system-tests-app-secret";
    private static final String GRAPH_TOKEN = "system-tests-graph-token";

    private static FaultInjectingProxy accountApiProxy;
    private static FakeGraphApi graph;
    private static LocalDeployment deployment;
    private static final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    private static EmailUpdates updates;

    @BeforeAll
    static void deploy() throws IOException {
        schema = TestPostgres.freshSchema();
        Map<String, Integer> ports = LocalDeployment.ports("19",
                List.of("account-api", "chat-service", "update-worker", "web-chat", "cloud-api"));
        Path runDir = Path.of("target", "deployment").toAbsolutePath();
        Files.createDirectories(runDir);
        graph = FakeGraphApi.start(GRAPH_TOKEN);
        Map<String, String> environment = Map.of(
                "EXTRA_ACCOUNT_API_ARGS", SystemTestsClient.extraAccountApiArgs(),
                "WHATSAPP_APP_SECRET", APP_SECRET,
                "WHATSAPP_ACCESS_TOKEN", GRAPH_TOKEN,
                "WHATSAPP_PHONE_NUMBER_ID", MetaWebhooks.PHONE_NUMBER_ID,
                "WHATSAPP_GRAPH_BASE_URL", graph.baseUrl().toString(),
                "ACCOUNT_DB_URL", schema.url() + "&ApplicationName=" + DB_APPLICATION,
                "MANAGEMENT_PORT_PREFIX", "19",
                "EXTRA_WEB_CHAT_ARGS", "--wareg.web-chat.max-conversations=20000",
                // Outages of a few seconds are ridden out by retrying; longer ones are told as such.
                "EXTRA_UPDATE_WORKER_ARGS", "--wareg.account-api.timeout=1s --wareg.worker.retry.max-attempts=8"
                        + " --wareg.worker.retry.max-backoff=2s");
        deployment = new LocalDeployment(LocalDeployment.repositoryRoot(), runDir, ports, environment);
        deployment.start("account-api", "chat-service", "web-chat", "cloud-api");
        accountApiProxy = FaultInjectingProxy.start(deployment.uri("account-api"));
        deployment.start(Map.of("ACCOUNT_API_URL", accountApiProxy.uri().toString()), "update-worker");
        updates = new EmailUpdates(http, deployment.uri("account-api"), deployment.uri("web-chat"));
    }

    @AfterAll
    static void undeploy() {
        try {
            if (deployment != null) {
                deployment.close();
            }
        } finally {
            if (accountApiProxy != null) {
                accountApiProxy.close();
            }
            if (graph != null) {
                graph.close();
            }
        }
    }

    @Test
    @Order(1)
    void anEmailUpdateConversationCrossesTheProcesses() throws Exception {
        String phone = updates.phone(0).replace("+551198", "+551197");
        updates.register(phone, "ana@antigo.com.br");
        var ana = new ChatUser(http, deployment.uri("web-chat"), phone);

        ana.say("quero mudar meu e-mail", PATIENCE);
        assertThat(ana.awaitReply(reply -> reply.equals("Qual é o novo e-mail?"), PATIENCE)).isPresent();
        ana.say("ana@novo.com.br", PATIENCE);
        assertThat(ana.awaitReply(reply -> reply.contains("Posso salvar?"), PATIENCE)).hasValueSatisfying(
                reply -> assertThat(reply).contains("E-mail: ana@antigo.com.br → ana@novo.com.br"));
        ana.say("sim", PATIENCE);

        assertThat(ana.awaitReply(reply -> reply.startsWith("Pronto!"), PATIENCE))
                .hasValue("Pronto! Seu cadastro foi atualizado (e-mail).");
        assertThat(ana.heard()).contains("Um momento, estou salvando…");
        assertThat(emailOf(phone)).isEqualTo("ana@novo.com.br");
    }

    @Test
    @Order(2)
    void anEmailUpdateConversationOnWhatsAppGoesThroughTheWebhookAndTheGraphApi() throws Exception {
        String phone = updates.phone(0).replace("+551198", "+551196");
        updates.register(phone, "bia@antigo.com.br");
        var bia = new WhatsAppUser(http, deployment.uri("cloud-api"), APP_SECRET, graph, phone);

        bia.say("quero mudar meu e-mail");
        assertThat(bia.awaitReply(reply -> "Qual é o novo e-mail?".equals(reply.text()), PATIENCE)).isPresent();
        bia.say("bia@novo.com.br");
        assertThat(bia.awaitReply(reply -> reply.text().contains("Posso salvar?"), PATIENCE)).hasValueSatisfying(
                reply -> {
                    assertThat(reply.text()).contains("E-mail: bia@antigo.com.br → bia@novo.com.br");
                    assertThat(reply.type()).isEqualTo("interactive");
                    assertThat(reply.buttonTitles()).contains("Confirmar");
                });
        bia.tap("Confirmar");

        assertThat(bia.awaitReply(reply -> reply.text().startsWith("Pronto!"), PATIENCE)).hasValueSatisfying(
                reply -> assertThat(reply.text()).isEqualTo("Pronto! Seu cadastro foi atualizado (e-mail)."));
        assertThat(emailOf(phone)).isEqualTo("bia@novo.com.br");
        assertThat(bia.received()).allSatisfy(call -> {
            assertThat(call.accepted()).isTrue();
            assertThat(call.authorization()).isEqualTo("Bearer " + GRAPH_TOKEN);
        });
        // Each of Bia's three messages is marked as read, on a path of its own.
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (graph.readReceipts().size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(graph.readReceipts()).hasSize(3);
    }

    @Test
    @Order(3)
    void conversationsThroughCrashesAndOutagesLoseNothingApplyNothingTwiceAndTellTheTruth() throws Exception {
        int count = Integer.getInteger("wareg.system-tests.conversations", 1000);
        var done = new AtomicInteger();
        boolean withFaults = !Boolean.getBoolean("wareg.system-tests.no-faults");
        var faults = Thread.ofPlatform().name("faults").start(() -> {
            if (withFaults) {
                injectFaults(done, count);
            }
        });
        long started = System.nanoTime();

        Map<String, String> outcomes = updates.play(count, done::set);
        faults.join();

        double seconds = (System.nanoTime() - started) / 1e9;
        try (var connection = DriverManager.getConnection(schema.url(), schema.username(), schema.password())) {
            Map<String, Long> byOutcome = EmailUpdates.verify(connection, outcomes);
            log.info("{} conversations in {} s {}: {}; {} requests sent again after a failed lookup; the proxy failed"
                            + " {} calls; confirmed to told: {}", count, String.format("%.1f", seconds),
                    withFaults ? "under faults" : "without faults", byOutcome, updates.lookupRetries(),
                    accountApiProxy.failed(), updates.confirmedToToldPercentiles());
            assertThat(byOutcome.getOrDefault("applied", 0L)).as("most changes ride out the faults")
                    .isGreaterThan(count * 9L / 10);
        }
    }

    /** Each fault once, at a point of the run, while conversations go on. */
    private static void injectFaults(AtomicInteger done, int count) {
        try {
            awaitProgress(done, count / 10);
            log.info("fault: the update-worker is killed");
            deployment.kill("update-worker");
            Thread.sleep(1000);
            deployment.start(Map.of("ACCOUNT_API_URL", accountApiProxy.uri().toString()), "update-worker");

            awaitProgress(done, count * 3 / 10);
            log.info("fault: RabbitMQ stops");
            LocalDeployment.command(Path.of("."), Map.of(), 60, "rabbitmqctl", "stop_app");
            try {
                Thread.sleep(3000);
            } finally {
                LocalDeployment.command(Path.of("."), Map.of(), 60, "rabbitmqctl", "start_app");
                log.info("fault: RabbitMQ is back");
            }

            awaitProgress(done, count * 5 / 10);
            log.info("fault: account-api answers 500");
            accountApiProxy.inject(Fault.SERVER_ERROR);
            Thread.sleep(2000);
            log.info("fault: account-api does not answer");
            accountApiProxy.inject(Fault.TIMEOUT);
            Thread.sleep(2000);
            accountApiProxy.inject(Fault.NONE);

            awaitProgress(done, count * 7 / 10);
            log.info("fault: account-api's database connections are dropped");
            try (var connection = DriverManager.getConnection(schema.url(), schema.username(), schema.password())) {
                connection.createStatement().execute("select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where application_name = '" + DB_APPLICATION + "'");
            }
        } catch (Exception e) {
            throw new IllegalStateException("a fault could not be injected", e);
        }
    }

    private static void awaitProgress(AtomicInteger done, int target) throws InterruptedException {
        while (done.get() < target) {
            Thread.sleep(100);
        }
    }

    private static String emailOf(String phone) throws Exception {
        try (var connection = DriverManager.getConnection(schema.url(), schema.username(), schema.password())) {
            var query = connection.prepareStatement("select email from account where phone = ?");
            query.setString(1, phone);
            var result = query.executeQuery();
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }
}
