package dev.wareg.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.platform.defaults.ClientKeyJwts;
import dev.wareg.platform.defaults.ServiceAuthProperties;
import dev.wareg.platform.defaults.ServiceKeys;
import dev.wareg.platform.defaults.ServiceTokens;
import dev.wareg.platform.defaults.TrustedClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** The embedded default needs no key configured: the chat and the worker each get their own at every start. */
class InternalClientKeysTests {

    @Test
    void theChatAndTheWorkerEachGetAKeyPairAndAccountApiTheirPublicKeysWithTheirScopes() {
        var environment = new MockEnvironment();

        new InternalClientKeys().postProcessEnvironment(environment, new SpringApplication());

        String chatKey = environment.getProperty("wareg.chat.client-key");
        String workerKey = environment.getProperty("wareg.worker.client-key");
        assertThat(ServiceKeys.privateKey("chat", chatKey).getKeyID())
                .isNotEqualTo(ServiceKeys.privateKey("worker", workerKey).getKeyID());
        assertThat(environment.getProperty("wareg.account-api.clients.chat-service.scopes"))
                .isEqualTo("accounts:read,accounts:link");
        assertThat(environment.getProperty("wareg.account-api.clients.update-worker.scopes"))
                .isEqualTo("accounts:read,accounts:write,accounts:erase");

        var accountApi = ClientKeyJwts.decoder("wareg.account-api.clients", Map.of("chat-service", new TrustedClient(
                List.of(environment.getProperty("wareg.account-api.clients.chat-service.public-key")),
                Set.of("accounts:read", "accounts:link"))), "wareg", "account-api", Clock.systemUTC());
        String token = new ServiceTokens("chat-service", List.of("accounts:read", "accounts:erase"),
                ServiceKeys.privateKey("chat", chatKey), new ServiceAuthProperties("wareg", "account-api"),
                Clock.systemUTC()).authorization().substring("Bearer ".length());
        assertThat(accountApi.decode(token).getClaimAsString("scope")).isEqualTo("accounts:read");
    }

    @Test
    void eachStartMakesNewKeys() {
        var first = new MockEnvironment();
        var second = new MockEnvironment();

        new InternalClientKeys().postProcessEnvironment(first, new SpringApplication());
        new InternalClientKeys().postProcessEnvironment(second, new SpringApplication());

        assertThat(first.getProperty("wareg.chat.client-key")).isNotEqualTo(second.getProperty("wareg.chat.client-key"));
    }

    @Test
    void aClientWhoseKeyIsSetIsLeftAloneUnderItsOwnId() {
        var environment = new MockEnvironment()
                .withProperty("wareg.chat.client-key", "set elsewhere")
                .withProperty("wareg.worker.client-id", "worker-7");

        new InternalClientKeys().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("wareg.chat.client-key")).isEqualTo("set elsewhere");
        assertThat(environment.containsProperty("wareg.account-api.clients.chat-service.public-key")).isFalse();
        assertThat(environment.containsProperty("wareg.account-api.clients.worker-7.public-key")).isTrue();
        assertThat(environment.containsProperty("wareg.account-api.clients.update-worker.public-key")).isFalse();
    }
}
