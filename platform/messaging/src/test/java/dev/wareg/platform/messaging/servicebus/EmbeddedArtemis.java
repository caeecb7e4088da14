package dev.wareg.platform.messaging.servicebus;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.slf4j.LoggerFactory;

/**
 * An Apache Artemis broker inside the test's JVM, speaking AMQP 1.0 on a free 127.0.0.1 port, its journal in a
 * directory of the test's: the stand-in for Service Bus, which cannot run here. Persistent, so that a restart
 * (stop, start on the same directory and port) keeps what it had accepted, as Service Bus does.
 */
final class EmbeddedArtemis implements AutoCloseable {

    private final Path directory;
    private final int port;
    private EmbeddedActiveMQ broker;

    EmbeddedArtemis(Path directory) {
        this.directory = directory;
        this.port = freePort();
    }

    EmbeddedArtemis start() {
        // Artemis 2.40's audit log asks for the caller's Subject, which Java 24+ refuses (the Security Manager is
        // gone): with the audit loggers off it never asks. A broker in a test has nobody to audit anyway.
        for (String audit : List.of("org.apache.activemq.audit.base", "org.apache.activemq.audit.message",
                "org.apache.activemq.audit.resource")) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(audit)).setLevel(ch.qos.logback.classic.Level.OFF);
        }
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache.activemq"))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
        Configuration configuration = new ConfigurationImpl()
                .setName("wareg-test")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(directory.resolve("journal").toString())
                .setBindingsDirectory(directory.resolve("bindings").toString())
                .setPagingDirectory(directory.resolve("paging").toString())
                .setLargeMessagesDirectory(directory.resolve("large-messages").toString())
                .setJMXManagementEnabled(false)
                // Expired dead letters (their retention) go soon, as on Service Bus, where they go at once.
                .setMessageExpiryScanPeriod(200)
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
            throw new IllegalStateException("the embedded Artemis did not start", e);
        }
        return this;
    }

    void stop() {
        try {
            if (broker != null) {
                broker.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException("the embedded Artemis did not stop", e);
        }
        broker = null;
    }

    /** The URL the bus connects with: Qpid's failover transport reconnects when the broker comes back. */
    String url() {
        return "failover:(amqp://127.0.0.1:" + port + ")?failover.startupMaxReconnectAttempts=" + System.getProperty("artemis.startupAttempts", "-1");
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
