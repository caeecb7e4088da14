package dev.wareg.platform.messaging.servicebus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ServiceBusPropertiesTests {

    @Test
    void exactlyOneWayToTheBrokerIsSet() {
        assertThatThrownBy(() -> properties(null, null, null)).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> properties("Endpoint=sb://x;SharedAccessKeyName=a;SharedAccessKey=b",
                "wareg.servicebus.windows.net", null)).hasMessageContaining("exactly one");
        assertThat(properties(null, "wareg.servicebus.windows.net", null).fullyQualifiedNamespace())
                .isEqualTo("wareg.servicebus.windows.net");
    }

    @Test
    void theConnectionStringIsNeverPrinted() {
        assertThat(properties("Endpoint=sb://x;SharedAccessKeyName=a;SharedAccessKey=secret", null, null).toString())
                .doesNotContain("secret");
    }

    @Test
    void instanceIOfNConsumesShardsIModuloN() {
        ServiceBusProperties second = ServiceBusProperties.ofUrl("amqp://localhost", "wareg").withInstance(1, 3);

        assertThat(java.util.stream.IntStream.range(0, 8).filter(second::consumes).boxed().toList())
                .containsExactly(1, 4, 7);
        assertThatThrownBy(() -> ServiceBusProperties.ofUrl("amqp://localhost", "wareg").withInstance(3, 3))
                .hasMessageContaining("consumer-instance");
    }

    @Test
    void anEventTooBigForAStandardNamespaceFailsWhenPublishedNamingOnlyItsType() {
        long standard = DataSize.ofKilobytes(256).toBytes();
        ServiceBusEventBus.checkSize("MessageReceived", 200 * 1024, standard);

        assertThatThrownBy(() -> ServiceBusEventBus.checkSize("MessageReceived", 255 * 1024, standard))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MessageReceived").hasMessageContaining("max-message-size");
    }

    private static ServiceBusProperties properties(String connectionString, String namespace, String url) {
        return new ServiceBusProperties(connectionString, namespace, url, null, null, "wareg", 4, 16,
                Duration.ofSeconds(30), Duration.ofSeconds(5), DataSize.ofKilobytes(256), Duration.ofDays(7), 1, 0);
    }
}
