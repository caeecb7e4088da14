package dev.wareg.standalone;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In the embedded default, account-api, the chat and the worker share one JVM, so they need no configured secret:
 * a random key, made at each start and never written anywhere, signs and verifies their tokens. A key set
 * explicitly ({@code wareg.service-auth.hmac-key}) still wins, e.g. to call the API from outside with a token.
 */
class InternalServiceKey implements EnvironmentPostProcessor {

    static final String PROPERTY = "wareg.service-auth.hmac-key";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(PROPERTY)) {
            return;
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        environment.getPropertySources().addLast(new MapPropertySource("internalServiceKey",
                Map.of(PROPERTY, HexFormat.of().formatHex(key))));
    }
}
