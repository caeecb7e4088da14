package dev.wareg.platform.messaging.servicebus;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.azure.servicebus.jms.ServiceBusJmsConnectionFactory;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.InMemoryProcessedEvents;
import dev.wareg.platform.messaging.InProcessEventBus;
import dev.wareg.platform.messaging.MessagingAutoConfiguration;
import java.time.Duration;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The bus is chosen by a setting; nothing here connects (no subscriptions, no publishes). */
class ServiceBusEventBusConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MessagingAutoConfiguration.class,
                    ServiceBusEventBusConfiguration.class));

    @Test
    void theInProcessBusUnlessServiceBusIsChosen() {
        context.run(context -> {
            assertThat(context).hasSingleBean(InProcessEventBus.class);
            assertThat(context).doesNotHaveBean(ServiceBusEventBus.class);
        });
    }

    @Test
    void serviceBusWithItsDefaults() {
        context.withPropertyValues("wareg.messaging.bus=azure-service-bus",
                        "wareg.messaging.servicebus.connection-string=Endpoint=sb://localhost;SharedAccessKeyName="
                                + "RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;",
                        "wareg.messaging.servicebus.namespace=staging")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(EventBus.class)).isInstanceOf(ServiceBusEventBus.class);
                    assertThat(context.getBean(ServiceBusEventBus.class).names().topic(0)).isEqualTo("staging.events.0");
                    assertThat(context).hasSingleBean(InMemoryProcessedEvents.class);
                    ServiceBusProperties properties = context.getBean(ServiceBusProperties.class);
                    assertThat(properties.maxMessageSize().toKilobytes()).isEqualTo(256);
                    assertThat(properties.deadLetterRetention()).isEqualTo(Duration.ofDays(7));
                    assertThat(properties.consumerInstances()).isEqualTo(1);
                });
    }

    @Test
    void withoutAWayToTheBrokerTheServiceDoesNotStart() {
        context.withPropertyValues("wareg.messaging.bus=azure-service-bus")
                .run(context -> assertThat(context).hasFailed());
    }

    /** Microsoft's factory wraps a Qpid one, which is where the event id becomes the message id. */
    @Test
    void onMicrosoftsClientTooTheEventIdIsTheMessageId() throws Exception {
        var factory = (ServiceBusJmsConnectionFactory) ServiceBusConnections.connectionFactory(new ServiceBusProperties(
                "Endpoint=sb://wareg.servicebus.windows.net/;SharedAccessKeyName=a;SharedAccessKey=b", null, null,
                null, null, "wareg", 1, 1, Duration.ofSeconds(1), Duration.ofSeconds(1),
                org.springframework.util.unit.DataSize.ofKilobytes(256), Duration.ofDays(1), 1, 0));
        var inner = ServiceBusJmsConnectionFactory.class.getDeclaredMethod("getConectionFactory");
        inner.setAccessible(true);
        var policy = (org.apache.qpid.jms.policy.JmsDefaultMessageIDPolicy)
                ((JmsConnectionFactory) inner.invoke(factory)).getMessageIDPolicy();
        java.util.UUID eventId = java.util.UUID.randomUUID();
        Object[] id = new Object[1];
        ServiceBusConnections.sending(eventId, () -> id[0] = policy.getMessageIDBuilder().createMessageID("p", 1));
        assertThat(id[0]).isEqualTo(eventId.toString());
        // Qpid applies the jms.* options of the URI to the factory and keeps the URI without them.
        JmsConnectionFactory qpid = (JmsConnectionFactory) inner.invoke(factory);
        assertThat(qpid.getSendTimeout()).isEqualTo(1000);
        assertThat(qpid.getRemoteURI()).startsWith("failover:(amqps://wareg.servicebus.windows.net");
    }

    @Test
    void aNamespaceConnectionStringGetsMicrosoftsClientAndTheEmulatorPlainQpid() {
        assertThat(ServiceBusConnections.connectionFactory(new ServiceBusProperties(
                "Endpoint=sb://wareg.servicebus.windows.net/;SharedAccessKeyName=a;SharedAccessKey=b", null, null,
                null, null, "wareg", 1, 1, Duration.ofSeconds(1), Duration.ofSeconds(1),
                org.springframework.util.unit.DataSize.ofKilobytes(256), Duration.ofDays(1), 1, 0)))
                .isInstanceOf(ServiceBusJmsConnectionFactory.class);
        assertThat(ServiceBusConnections.connectionFactory(new ServiceBusProperties(
                "Endpoint=sb://localhost;SharedAccessKeyName=a;SharedAccessKey=b;UseDevelopmentEmulator=true", null,
                null, null, null, "wareg", 1, 1, Duration.ofSeconds(1), Duration.ofSeconds(1),
                org.springframework.util.unit.DataSize.ofKilobytes(256), Duration.ofDays(1), 1, 0)))
                .isInstanceOf(JmsConnectionFactory.class)
                .extracting(factory -> ((JmsConnectionFactory) factory).getRemoteURI()).asString()
                .startsWith("failover:(amqp://localhost:5672)");
    }
}
