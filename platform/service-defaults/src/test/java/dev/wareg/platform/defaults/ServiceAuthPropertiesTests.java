package dev.wareg.platform.defaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A service does not start with a shared key anyone could know. */
class ServiceAuthPropertiesTests {

    @Test
    void noKeyIsNoKey() {
        assertThat(new ServiceAuthProperties(null, "wareg", "account-api").keyBytes()).isEmpty();
        assertThat(new ServiceAuthProperties(" ", "wareg", "account-api").keyBytes()).isEmpty();
    }

    @Test
    void aRandomKeyIsTaken() {
        String key = HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(32));

        assertThat(new ServiceAuthProperties(key, "wareg", "account-api").keyBytes()).isPresent();
    }

    @Test
    void theExamplesPlaceholdersShortKeysAndKeysTypedByHandStopTheStartWithAClearMessage() {
        Stream.of("replace-with-at-least-32-random-bytes-0123456789", "replace-me", "CHANGE-ME-please-0123456789abcdefghij",
                        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "abababababababababababababababab1234")
                .forEach(key -> assertThatThrownBy(() -> new ServiceAuthProperties(key, "wareg", "account-api").keyBytes())
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith("wareg.service-auth.hmac-key")
                        .hasMessageContaining("openssl rand -hex 32"));
    }
}
