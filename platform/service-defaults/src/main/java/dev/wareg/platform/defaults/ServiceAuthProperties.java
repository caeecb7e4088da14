package dev.wareg.platform.defaults;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How services authenticate to each other: JWTs signed with a key they share (HS256). account-api verifies them;
 * clients sign their own with {@link ServiceTokens}. A deployment with an identity provider sets
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} on account-api instead and leaves the key unset.
 *
 * @param hmacKey  the shared key, at least 32 bytes; from the environment ({@code WAREG_SERVICEAUTH_HMACKEY}), never
 *                 committed. The embedded default makes up a random one at each start.
 * @param issuer   the {@code iss} of the tokens
 * @param audience the {@code aud} the tokens are for
 */
@ConfigurationProperties("wareg.service-auth")
public record ServiceAuthProperties(
        String hmacKey,
        @DefaultValue("wareg") String issuer,
        @DefaultValue("account-api") String audience) {

    static final int MIN_KEY_BYTES = 32;

    /** The key's bytes, if one is configured; a key shorter than HS256 allows is a configuration error. */
    public Optional<byte[]> keyBytes() {
        if (hmacKey == null || hmacKey.isBlank()) {
            return Optional.empty();
        }
        byte[] bytes = hmacKey.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalStateException(
                    "wareg.service-auth.hmac-key must be at least " + MIN_KEY_BYTES + " bytes long");
        }
        return Optional.of(bytes);
    }
}
