package dev.wareg.platform.defaults;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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

    @ConstructorBinding
    public ServiceAuthProperties {
    }

    /** Without the shared key, which every client is leaving for its own ({@link ServiceKeys}). */
    public ServiceAuthProperties(String issuer, String audience) {
        this(null, issuer, audience);
    }

    static final int MIN_KEY_BYTES = 32;
    /** A random key of 32 characters has far more; one with fewer was typed by hand. */
    static final int MIN_DISTINCT_CHARACTERS = 12;
    /** Words of the placeholders in the deployment examples, which must never reach a running service. */
    private static final List<String> PLACEHOLDERS = List.of("replace", "change-me", "changeme", "example",
            "placeholder", "your-key", "secret-key");

    /**
     * The key's bytes, if one is configured. A key shorter than HS256 allows, a placeholder left from an example
     * ({@code deploy/.env.example}, {@code secrets.template.yaml}) or a key typed by hand with few distinct characters
     * stops the service at start: whoever reads the example could otherwise sign any token.
     */
    public Optional<byte[]> keyBytes() {
        if (hmacKey == null || hmacKey.isBlank()) {
            return Optional.empty();
        }
        byte[] bytes = hmacKey.getBytes(StandardCharsets.UTF_8);
        String lower = hmacKey.toLowerCase(Locale.ROOT);
        String make = "; make one with: openssl rand -hex 32";
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalStateException(
                    "wareg.service-auth.hmac-key must be at least " + MIN_KEY_BYTES + " bytes long" + make);
        }
        if (PLACEHOLDERS.stream().anyMatch(lower::contains)) {
            throw new IllegalStateException(
                    "wareg.service-auth.hmac-key is still the example's placeholder, not a key" + make);
        }
        if (hmacKey.chars().distinct().count() < MIN_DISTINCT_CHARACTERS) {
            throw new IllegalStateException(
                    "wareg.service-auth.hmac-key is too easy to guess (fewer than " + MIN_DISTINCT_CHARACTERS
                            + " distinct characters)" + make);
        }
        return Optional.of(bytes);
    }
}
