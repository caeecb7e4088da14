package dev.wareg.platform.defaults;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What every service token says beside its client: who issued it and which service it is for. Each client signs its
 * own tokens with its own EC P-256 key ({@link ServiceTokens}, {@link ServiceKeys}); the service it calls knows the
 * client's public key and decides its scopes ({@link ClientKeyJwts}). A deployment with an identity provider sets
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} on account-api instead and lists no clients.
 *
 * @param issuer   the {@code iss} of the tokens
 * @param audience the {@code aud} the tokens are for
 */
@ConfigurationProperties("wareg.service-auth")
public record ServiceAuthProperties(
        @DefaultValue("wareg") String issuer,
        @DefaultValue("account-api") String audience) {
}
