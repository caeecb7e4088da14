package dev.wareg.account.security;

import dev.wareg.platform.defaults.TrustedClient;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The clients account-api accepts tokens from, each with its public keys and the scopes account-api grants it
 * ({@code wareg.account-api.clients.<client id>.public-key}, {@code .scopes}): chat-service reads and links
 * ({@code accounts:read}, {@code accounts:link}), update-worker reads, writes and erases ({@code accounts:read},
 * {@code accounts:write}, {@code accounts:erase}), a tool outside the repository what its operator gives it.
 */
@ConfigurationProperties("wareg.account-api")
record AccountApiClients(@DefaultValue Map<String, TrustedClient> clients) {

    static final String SETTING = "wareg.account-api.clients";

    /** Some client is configured: tokens are verified with the clients' keys, not an identity provider's. */
    static final class Configured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment())
                    .bind(SETTING, Bindable.mapOf(String.class, Object.class))
                    .map(clients -> !clients.isEmpty())
                    .orElse(false);
        }
    }
}
