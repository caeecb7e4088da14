package dev.wareg.platform.messaging.servicebus;

import com.azure.identity.DefaultAzureCredentialBuilder;
import com.microsoft.azure.servicebus.jms.ServiceBusJmsConnectionFactory;
import com.microsoft.azure.servicebus.jms.ServiceBusJmsConnectionFactorySettings;
import java.lang.reflect.Method;
import java.util.UUID;
import javax.jms.ConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.apache.qpid.jms.message.JmsMessageIDBuilder;
import org.apache.qpid.jms.policy.JmsDefaultMessageIDPolicy;

/**
 * Builds the JMS connection factory for the configured broker, and makes every message it sends carry the event id
 * as its AMQP {@code message-id}: Service Bus reads that as the {@code MessageId} its duplicate detection works on.
 *
 * <p>JMS gives a sender no say over {@code JMSMessageID} (the provider sets it), and Qpid JMS overwrites one set
 * by hand. Its message-id policy is the supported hook: the id builder here hands out the id the publishing thread
 * set ({@link #sending}) for the one send it is making, and a random UUID for anything else.
 */
final class ServiceBusConnections {

    private static final ThreadLocal<UUID> SENDING = new ThreadLocal<>();

    private ServiceBusConnections() {
    }

    static ConnectionFactory connectionFactory(ServiceBusProperties properties) {
        if (properties.url() != null && !properties.url().isBlank()) {
            JmsConnectionFactory factory = new JmsConnectionFactory(properties.username(), properties.password(),
                    withOptions(properties.url(), properties));
            factory.setMessageIDPolicy(eventIdPolicy());
            return factory;
        }
        // Microsoft's factory keeps its prefetch of 0 on purpose: on Service Bus a prefetched message is already
        // locked, and its lock would run out while the one before it is retried. The send timeout is ours.
        ServiceBusJmsConnectionFactorySettings settings = new ServiceBusJmsConnectionFactorySettings(
                new java.util.HashMap<>(java.util.Map.of("jms.sendTimeout", String.valueOf(properties.sendTimeout().toMillis()))));
        settings.setShouldReconnect(true);
        if (properties.connectionString() != null && !properties.connectionString().isBlank()) {
            ConnectionString connection = ConnectionString.parse(properties.connectionString());
            if (connection.developmentEmulator()) {
                // The emulator speaks plain AMQP with SASL PLAIN (rule name and key); Microsoft's factory would
                // insist on TLS to port 5671.
                JmsConnectionFactory factory = new JmsConnectionFactory(connection.keyName(), connection.key(),
                        withOptions("failover:(" + connection.amqpUri() + ")", properties));
                factory.setMessageIDPolicy(eventIdPolicy());
                return factory;
            }
            return withEventIds(new ServiceBusJmsConnectionFactory(properties.connectionString(), settings));
        }
        return withEventIds(new ServiceBusJmsConnectionFactory(new DefaultAzureCredentialBuilder().build(),
                properties.fullyQualifiedNamespace(), settings));
    }

    private static String withOptions(String url, ServiceBusProperties properties) {
        String options = "jms.prefetchPolicy.all=" + properties.prefetch()
                + "&jms.sendTimeout=" + properties.sendTimeout().toMillis()
                + "&jms.connectTimeout=" + properties.sendTimeout().toMillis();
        if (url.startsWith("failover:")) {
            // Reconnect with a growing pause, for ever: consumers and publishers resume when the broker is back;
            // a publish waits at most jms.sendTimeout.
            options += "&failover.maxReconnectDelay=" + properties.recoveryInterval().toMillis();
        }
        return url + (url.contains("?") ? "&" : "?") + options;
    }

    /**
     * Microsoft's factory keeps its Qpid factory private (it builds it on first use); reaching it is the only way to
     * set the message-id policy there ({@code ServiceBusEventBusConfigurationTests} checks that it is set; that
     * Service Bus then shows it as {@code MessageId} is not checked here: docs/messaging.md, "What the tests here do
     * not prove").
     */
    private static ConnectionFactory withEventIds(ServiceBusJmsConnectionFactory factory) {
        try {
            Method inner = ServiceBusJmsConnectionFactory.class.getDeclaredMethod("getConectionFactory");
            inner.setAccessible(true);
            // Built by the constructor (initializeWithSas / initializeWithAad), not on first use.
            if (!(inner.invoke(factory) instanceof JmsConnectionFactory qpid)) {
                throw new IllegalStateException("azure-servicebus-jms built no Qpid JMS factory");
            }
            qpid.setMessageIDPolicy(eventIdPolicy());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot set the event id as message id on azure-servicebus-jms's factory"
                    + " (a changed client version?)", e);
        }
        return factory;
    }

    private static JmsDefaultMessageIDPolicy eventIdPolicy() {
        JmsDefaultMessageIDPolicy policy = new JmsDefaultMessageIDPolicy();
        policy.setMessageIDBuilder(new JmsMessageIDBuilder() {
            @Override
            public Object createMessageID(String producerId, long sequence) {
                UUID id = SENDING.get();
                return (id != null ? id : UUID.randomUUID()).toString();
            }
        });
        return policy;
    }

    /** Runs a send with {@code eventId} as the message id of what it sends on this thread. */
    static void sending(UUID eventId, JmsAction send) throws javax.jms.JMSException {
        SENDING.set(eventId);
        try {
            send.run();
        } finally {
            SENDING.remove();
        }
    }

    @FunctionalInterface
    interface JmsAction {
        void run() throws javax.jms.JMSException;
    }
}
