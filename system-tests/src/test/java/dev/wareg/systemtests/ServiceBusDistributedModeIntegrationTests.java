package dev.wareg.systemtests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fault run of {@link DistributedModeIntegrationTests} with every service on the Azure Service Bus bus
 * ({@code wareg.messaging.bus=azure-service-bus}) instead of RabbitMQ: JMS over AMQP 1.0 to an Apache Artemis the
 * test runs, which stands in for Service Bus (docs/messaging.md, "What the tests here do not prove") and is stopped
 * and started again on its journal as RabbitMQ is there. It plays 500 conversations unless
 * {@code wareg.system-tests.conversations} says otherwise.
 */
class ServiceBusDistributedModeIntegrationTests {

    private static ArtemisBroker broker;
    private static FaultRun run;

    @BeforeAll
    static void deploy() throws IOException {
        broker = ArtemisBroker.start(Path.of("target", "artemis-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL)).toAbsolutePath());
        run = FaultRun.deploy("deployment-servicebus", "17", broker, Map.of());
    }

    @AfterAll
    static void undeploy() {
        try {
            if (run != null) {
                run.close();
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    @Test
    void conversationsThroughCrashesAndOutagesLoseNothingApplyNothingTwiceAndTellTheTruth() throws Exception {
        run.play(Integer.getInteger("wareg.system-tests.conversations", 500));
    }
}
