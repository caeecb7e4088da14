package dev.wareg.account.security;

import dev.wareg.platform.defaults.Problems;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import dev.wareg.platform.defaults.ClientKeyJwts;
import dev.wareg.platform.defaults.ServiceAuthProperties;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code /v1} call needs a bearer JWT with the scope for what it does: {@code accounts:read} to read,
 * {@code accounts:write} to register, change and revert, {@code accounts:erase} to erase, {@code accounts:link} to
 * link a sender id to an account or unlink it (a narrow scope of its own: the chat, which proves the sender's number, links
 * without being able to change accounts). Health, the OpenAPI
 * document and Swagger UI are outside {@code /v1} and stay open. The chain matches {@code /v1/**} only, so an
 * application that also serves other things (the embedded default's web chat) keeps them as they are.
 * <p>
 * Each client signs its tokens with its own EC P-256 key, and account-api knows each client's public keys and
 * decides its scopes ({@link AccountApiClients}, {@code wareg.account-api.clients.*}): a token from an unknown client,
 * or signed with a key that is not its client's, is a 401 problem; scopes a token claims beyond its client's are not
 * granted ({@link ClientKeyJwts}). With no client configured, Spring Boot's resource server configuration applies
 * ({@code spring.security.oauth2.resourceserver.jwt.*}: an identity provider's issuer or JWKS, whose scopes are the
 * provider's decision), and account-api refuses to start with neither.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(AccountApiClients.class)
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A JWT the client signs with its own EC P-256 key (ES256; header kid: the RFC 7638 thumbprint"
                + " of the key), with iss wareg, aud account-api, sub the client id account-api knows it by, iat, and"
                + " exp at most 10 minutes later. account-api grants the scopes configured for the client"
                + " (accounts:read, accounts:write, accounts:erase, accounts:link), narrowed to the token's scope"
                + " claim when it has one; a scope claimed beyond them is not granted. HS256 tokens signed with a"
                + " shared key are no longer accepted: see docs/operations.md, section Service keys.")
class AccountApiSecurity {

    static final String READ = "SCOPE_accounts:read";
    static final String WRITE = "SCOPE_accounts:write";
    static final String ERASE = "SCOPE_accounts:erase";
    static final String LINK = "SCOPE_accounts:link";

    @Bean
    @Order(1)
    SecurityFilterChain accountApiFilterChain(HttpSecurity http, JsonMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, exception) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            Problems.write(Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                    "Send a valid bearer token: Authorization: Bearer <JWT>."), request, response, json);
        };
        AccessDeniedHandler forbidden = (request, response, exception) -> Problems.write(
                Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                        "The token does not carry the scope this operation needs."), request, response, json);
        return http
                .securityMatcher("/v1/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/v1/**").hasAuthority(READ)
                        .requestMatchers(HttpMethod.POST, "/v1/**").hasAuthority(WRITE)
                        .requestMatchers(HttpMethod.PATCH, "/v1/**").hasAuthority(WRITE)
                        // Before the erasure's rule: unlinking a sender is the link scope's, not an erasure.
                        .requestMatchers(HttpMethod.DELETE, "/v1/accounts/*/senders/*").hasAuthority(LINK)
                        .requestMatchers(HttpMethod.DELETE, "/v1/**").hasAuthority(ERASE)
                        .requestMatchers(HttpMethod.PUT, "/v1/accounts/*/senders/*").hasAuthority(LINK)
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> { })
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // bearer tokens only: no cookies a browser could send on its own
                .requestCache(cache -> cache.disable())
                .build();
    }

    @Bean
    @Conditional(AccountApiClients.Configured.class)
    JwtDecoder clientKeyJwtDecoder(AccountApiClients clients, ServiceAuthProperties properties, Clock clock) {
        return ClientKeyJwts.decoder(AccountApiClients.SETTING, clients.clients(), properties.issuer(),
                properties.audience(), clock);
    }
}
