package dev.wareg.platform.messaging.servicebus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConnectionStringTests {

    private static final String KEY = "c2VjcmV0LWtleS1ub3QtZm9yLWxvZ3M9";

    @Test
    void readsANamespaceConnectionStringAsThePortalPrintsIt() {
        ConnectionString connection = ConnectionString.parse("Endpoint=sb://wareg.servicebus.windows.net/;"
                + "SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=" + KEY);

        assertThat(connection.host()).isEqualTo("wareg.servicebus.windows.net");
        assertThat(connection.keyName()).isEqualTo("RootManageSharedAccessKey");
        assertThat(connection.key()).isEqualTo(KEY);
        assertThat(connection.developmentEmulator()).isFalse();
        assertThat(connection.amqpUri()).isEqualTo("amqps://wareg.servicebus.windows.net:5671");
    }

    @Test
    void namesAreCaseInsensitiveAndTheKeyMayEndInEqualsSigns() {
        ConnectionString connection = ConnectionString.parse(" endpoint=sb://wareg.servicebus.windows.net;"
                + "sharedaccesskeyname=send-listen;sharedaccesskey=abc==;");

        assertThat(connection.key()).isEqualTo("abc==");
        assertThat(connection.keyName()).isEqualTo("send-listen");
    }

    @Test
    void theEmulatorIsPlainAmqpOnPort5672() {
        ConnectionString connection = ConnectionString.parse("Endpoint=sb://localhost;SharedAccessKeyName="
                + "RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;");

        assertThat(connection.developmentEmulator()).isTrue();
        assertThat(connection.amqpUri()).isEqualTo("amqp://localhost:5672");
        assertThat(ConnectionString.parse("Endpoint=sb://servicebus-emulator:5673;SharedAccessKeyName=a;"
                + "SharedAccessKey=b;UseDevelopmentEmulator=true").amqpUri()).isEqualTo("amqp://servicebus-emulator:5673");
    }

    @Test
    void aKeyScopedToOneEntityIsRefusedBecauseTheBusNeedsMany() {
        assertThatThrownBy(() -> ConnectionString.parse("Endpoint=sb://wareg.servicebus.windows.net/;"
                + "SharedAccessKeyName=one;SharedAccessKey=" + KEY + ";EntityPath=wareg.events.0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EntityPath");
    }

    @Test
    void malformedStringsFailWithoutRepeatingTheKey() {
        assertThatThrownBy(() -> ConnectionString.parse("Endpoint=sb://wareg.servicebus.windows.net/;" + KEY))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain(KEY);
        assertThatThrownBy(() -> ConnectionString.parse("Endpoint=https://wareg.servicebus.windows.net/;"
                + "SharedAccessKeyName=a;SharedAccessKey=" + KEY))
                .message().contains("sb://").doesNotContain(KEY);
        assertThatThrownBy(() -> ConnectionString.parse("Endpoint=sb://wareg.servicebus.windows.net/;"
                + "SharedAccessKeyName=a")).message().contains("sharedaccesskey");
        assertThatThrownBy(() -> ConnectionString.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printingItHidesTheKey() {
        ConnectionString connection = ConnectionString.parse("Endpoint=sb://wareg.servicebus.windows.net/;"
                + "SharedAccessKeyName=a;SharedAccessKey=" + KEY);

        assertThat(connection.toString()).doesNotContain(KEY).contains("wareg.servicebus.windows.net");
    }
}
