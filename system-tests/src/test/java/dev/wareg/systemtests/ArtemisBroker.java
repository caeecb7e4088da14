package dev.wareg.systemtests;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.slf4j.LoggerFactory;

/**
 * Apache Artemis speaking AMQP 1.0 on a free 127.0.0.1 port, in the test's JVM, for the services' Service Bus bus
 * ({@code wareg.messaging.bus=azure-service-bus} with a plain URL): the stand-in for Service Bus, which cannot run
 * here. Its journal is persistent and synced, so a stop and a start on the same directory and port keep what it had
 * accepted, as Service Bus and RabbitMQ's quorum queues do.
 *
 * <p>The platform/messaging tests have a broker like it (EmbeddedArtemis); this module sees that one only as an
 * installed artifact, whose test classes it cannot use, so it has its own.
 */
final class ArtemisBroker implements EventBroker, AutoCloseable {

    private final Path directory;
    private final int port;
    private EmbeddedActiveMQ broker;

    private ArtemisBroker(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    static ArtemisBroker start(Path directory) {
        // Artemis 2.40's audit log asks for the caller's Subject, which Java 24+ refuses (the Security Manager is
        // gone): with the audit loggers off it never asks. A broker in a test has nobody to audit anyway.
        for (String audit : List.of("org.apache.activemq.audit.base", "org.apache.activemq.audit.message",
                "org.apache.activemq.audit.resource")) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(audit)).setLevel(Level.OFF);
        }
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache.activemq")).setLevel(Level.ERROR);
        try {
            Files.createDirectories(directory);
            var broker = new ArtemisBroker(directory, freePort());
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, String> environment() {
        // Qpid's failover transport reconnects when the broker is back; the bus adds its own reconnect options.
        return Map.of("MESSAGING_BUS", "azure-service-bus",
                "WAREG_MESSAGING_SERVICEBUS_URL", "failover:(amqp://127.0.0.1:" + port + ")");
    }

    @Override
    public synchronized void start() {
        var configuration = new ConfigurationImpl()
                .setName("wareg-system-tests")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(directory.resolve("journal").toString())
                .setBindingsDirectory(directory.resolve("bindings").toString())
                .setPagingDirectory(directory.resolve("paging").toString())
                .setLargeMessagesDirectory(directory.resolve("large-messages").toString())
                .setJMXManagementEnabled(false)
                .addAddressSetting("#", new AddressSettings()
                        .setAutoCreateAddresses(true)
                        .setAutoCreateQueues(true)
                        // The bus bounds attempts itself; the broker must never drop a message for its count.
                        .setMaxDeliveryAttempts(-1));
        try {
            configuration.addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + port + "?protocols=AMQP");
            broker = new EmbeddedActiveMQ().setConfiguration(configuration);
            broker.start();
        } catch (Exception e) {
            throw new IllegalStateException("Artemis did not start", e);
        }
    }

    @Override
    public synchronized void stop() {
        try {
            if (broker != null) {
                broker.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Artemis did not stop", e);
        }
        broker = null;
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "Artemis";
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
