package dev.wareg.chat.handoff;

import dev.wareg.platform.defaults.Problems;
import dev.wareg.platform.defaults.ClientKeyJwts;
import dev.wareg.platform.defaults.ServiceAuthProperties;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/handoffs} shows people's numbers to staff, so every call needs a bearer JWT with the scope for what it
 * does: {@code handoffs:read} to list, {@code handoffs:write} to claim; 401 and 403 are problem responses, as on
 * account-api's {@code /v1}. The chain matches these paths only: the chat's other endpoints ({@code /api/interpret},
 * health, metrics) and, in the embedded default, account-api's own chain and the web chat stay as they are.
 * <p>
 * The chain is there whether or not the deployment is staffed: Spring Security on the classpath with no chain at
 * all would put Boot's default one (a login for everything) in front of the whole service.
 * <p>
 * Each staff tool signs its tokens with its own EC P-256 key; chat-service knows the tools' public keys and decides
 * their scopes ({@code wareg.chat.staff-queue.clients.*}, {@link ClientKeyJwts}), as account-api does for its clients.
 * Tokens must carry the service-auth issuer and the staff queue's own audience
 * ({@code wareg.chat.staff-queue.token-audience}, {@code chat-service}), so a token for account-api does not open
 * this API, nor one for this API account-api. With no staff tool configured, an identity provider's tokens are
 * verified by Boot's {@link JwtDecoder} when {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or
 * {@code jwk-set-uri} is set; otherwise every token is refused. Never account-api's client table, which the embedded
 * default has in the same application: its clients are not staff tools.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(StaffQueueProperties.class)
class StaffQueueSecurity {

    static final String READ = "SCOPE_handoffs:read";
    static final String WRITE = "SCOPE_handoffs:write";
    private static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    private static final String JWK_SET_URI = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";

    @Bean
    @Order(2)
    SecurityFilterChain staffQueueFilterChain(HttpSecurity http, JsonMapper json, ServiceAuthProperties auth,
                                              StaffQueueProperties properties, Clock clock, Environment environment,
                                              ObjectProvider<JwtDecoder> configured) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, exception) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            Problems.write(Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                    "Send a valid bearer token: Authorization: Bearer <JWT>."), request, response, json);
        };
        AccessDeniedHandler forbidden = (request, response, exception) -> Problems.write(
                Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                        "The token does not carry the scope this operation needs."), request, response, json);
        JwtDecoder decoder;
        if (!properties.clients().isEmpty()) {
            decoder = ClientKeyJwts.decoder(StaffQueueProperties.CLIENTS, properties.clients(), auth.issuer(),
                    properties.tokenAudience(), clock);
        } else {
            boolean identityProvider = environment.containsProperty(ISSUER_URI)
                    || environment.containsProperty(JWK_SET_URI);
            JwtDecoder provider = identityProvider ? configured.getIfUnique() : null;
            decoder = provider != null ? provider : token -> {
                throw new BadJwtException("no key to verify staff tokens with");
            };
        }
        return http
                .securityMatcher("/api/handoffs", "/api/handoffs/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/handoffs", "/api/handoffs/**").hasAuthority(READ)
                        .requestMatchers(HttpMethod.POST, "/api/handoffs/**").hasAuthority(WRITE)
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder))
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
}
