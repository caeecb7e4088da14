package dev.wareg.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.testsupport.FaultInjectingProxy;
import dev.wareg.testsupport.FaultInjectingProxy.Fault;
import dev.wareg.testsupport.TestPostgres;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The distributed mode as {@code deploy/local/run.sh} starts it, on a bus and its broker, with the update-worker
 * reaching account-api through a proxy that can fail on demand; and its fault run.
 *
 * <p>The fault run plays {@code wareg.system-tests.conversations} e-mail updates (the caller's default unless given;
 * the longer runs in docs/benchmarks.md pass 10,000) while the worker is killed and restarted, the broker is stopped
 * and started, account-api answers 500s and then does not answer, and account-api's database connections are
 * dropped. At the end, from the database and the transcripts: nothing lost, nothing applied twice, and every person
 * was told what really happened. {@code wareg.system-tests.no-faults=true} plays them without the faults.
 */
final class FaultRun implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FaultRun.class);
    private static final String DB_APPLICATION = "wareg-system-tests-account-api";

    final TestPostgres.Schema schema = TestPostgres.freshSchema();
    final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final EventBroker broker;
    private LocalDeployment deployment;
    private FaultInjectingProxy accountApiProxy;
    private EmailUpdates updates;

    private FaultRun(EventBroker broker) {
        this.broker = broker;
    }

    /**
     * Starts account-api, chat-service, web-chat and {@code channels} under {@code target/<name>}, on management
     * ports {@code <managementPrefix>nn}, then the update-worker behind the failing proxy. {@code environment} is
     * {@code run.sh}'s, beyond the broker's and what the run itself sets.
     */
    static FaultRun deploy(String name, String managementPrefix, EventBroker broker, Map<String, String> environment,
            String... channels) throws IOException {
        var run = new FaultRun(broker);
        var services = new ArrayList<>(List.of("account-api", "chat-service", "web-chat"));
        services.addAll(List.of(channels));
        var withWorker = new ArrayList<>(services);
        withWorker.add("update-worker");
        Map<String, Integer> ports = LocalDeployment.ports(managementPrefix, withWorker);
        Path runDir = Path.of("target", name).toAbsolutePath();
        Files.createDirectories(runDir);
        var all = new HashMap<>(environment);
        all.putAll(broker.environment());
        all.putAll(Map.of(
                "EXTRA_ACCOUNT_API_ARGS", SystemTestsClient.extraAccountApiArgs(),
                "ACCOUNT_DB_URL", run.schema.url() + "&ApplicationName=" + DB_APPLICATION,
                "MANAGEMENT_PORT_PREFIX", managementPrefix,
                "EXTRA_WEB_CHAT_ARGS", "--wareg.web-chat.max-conversations=20000",
                // Outages of a few seconds are ridden out by retrying; longer ones are told as such.
                "EXTRA_UPDATE_WORKER_ARGS", "--wareg.account-api.timeout=1s --wareg.worker.retry.max-attempts=8"
                        + " --wareg.worker.retry.max-backoff=2s"));
        try {
            run.deployment = new LocalDeployment(LocalDeployment.repositoryRoot(), runDir, ports, all);
            run.deployment.start(services.toArray(String[]::new));
            run.accountApiProxy = FaultInjectingProxy.start(run.deployment.uri("account-api"));
            run.deployment.start(run.workerEnvironment(), "update-worker");
            run.updates = new EmailUpdates(run.http, run.deployment.uri("account-api"), run.deployment.uri("web-chat"));
            return run;
        } catch (RuntimeException | Error e) {
            run.close();
            throw e;
        }
    }

    LocalDeployment deployment() {
        return deployment;
    }

    EmailUpdates updates() {
        return updates;
    }

    /**
     * Plays the run and checks every person against the database; fails unless more than nine in ten changes rode
     * out the faults.
     *
     * @return how many people were told what ("applied", "told it was not saved", …), each checked
     */
    Map<String, Long> play(int count) throws Exception {
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
            log.info("{} conversations on {} in {} s {}: {}; {} requests sent again after a failed lookup; the proxy"
                            + " failed {} calls; confirmed to told: {}", count, broker, String.format("%.1f", seconds),
                    withFaults ? "under faults" : "without faults", byOutcome, updates.lookupRetries(),
                    accountApiProxy.failed(), updates.confirmedToToldPercentiles());
            assertThat(byOutcome.getOrDefault("applied", 0L)).as("most changes ride out the faults")
                    .isGreaterThan(count * 9L / 10);
            return byOutcome;
        }
    }

    /** Each fault once, at a point of the run, while conversations go on. */
    private void injectFaults(AtomicInteger done, int count) {
        try {
            awaitProgress(done, count / 10);
            log.info("fault: the update-worker is killed");
            deployment.kill("update-worker");
            Thread.sleep(1000);
            deployment.start(workerEnvironment(), "update-worker");

            awaitProgress(done, count * 3 / 10);
            log.info("fault: {} stops", broker);
            broker.stop();
            try {
                Thread.sleep(3000);
            } finally {
                broker.start();
                log.info("fault: {} is back", broker);
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

    private Map<String, String> workerEnvironment() {
        return Map.of("ACCOUNT_API_URL", accountApiProxy.uri().toString());
    }

    private static void awaitProgress(AtomicInteger done, int target) throws InterruptedException {
        while (done.get() < target) {
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        try {
            if (deployment != null) {
                deployment.close();
            }
        } finally {
            if (accountApiProxy != null) {
                accountApiProxy.close();
            }
        }
    }
}
