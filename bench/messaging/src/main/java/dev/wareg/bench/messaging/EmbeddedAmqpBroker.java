package dev.wareg.bench.messaging;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.slf4j.LoggerFactory;

/**
 * An Apache Artemis broker speaking AMQP 1.0 on a free 127.0.0.1 port, persistent (its journal synced on every
 * durable send, as a broker that confirms must) in a temporary directory deleted afterwards: what the Service Bus
 * bus's contract tests run against, here for its throughput.
 */
final class EmbeddedAmqpBroker implements AutoCloseable {

    private final EmbeddedActiveMQ broker;
    private final Path directory;
    private final int port;

    private EmbeddedAmqpBroker(EmbeddedActiveMQ broker, Path directory, int port) {
        this.broker = broker;
        this.directory = directory;
        this.port = port;
    }

    static EmbeddedAmqpBroker start() throws Exception {
        // Artemis 2.40's audit log asks for the caller's Subject, which Java 24+ refuses; nobody to audit here.
        for (String audit : List.of("org.apache.activemq.audit.base", "org.apache.activemq.audit.message",
                "org.apache.activemq.audit.resource")) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(audit)).setLevel(ch.qos.logback.classic.Level.OFF);
        }
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache.activemq"))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
        Path directory = Files.createTempDirectory("wareg-bench-artemis");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        var configuration = new ConfigurationImpl()
                .setName("wareg-bench")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(directory.resolve("journal").toString())
                .setBindingsDirectory(directory.resolve("bindings").toString())
                .setPagingDirectory(directory.resolve("paging").toString())
                .setLargeMessagesDirectory(directory.resolve("large-messages").toString())
                .setJMXManagementEnabled(false)
                .addAddressSetting("#", new AddressSettings().setAutoCreateAddresses(true).setAutoCreateQueues(true)
                        .setMaxDeliveryAttempts(-1));
        configuration.addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + port + "?protocols=AMQP");
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(configuration);
        broker.start();
        return new EmbeddedAmqpBroker(broker, directory, port);
    }

    String url() {
        return "failover:(amqp://127.0.0.1:" + port + ")";
    }

    @Override
    public void close() throws Exception {
        broker.stop();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
