package dev.wareg.platform.defaults;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;

/**
 * How a service checks the tokens its clients sign with their own keys ({@link ServiceTokens}): ES256 only (no
 * {@code none}, no HS256 made with a public key as secret); the client named by {@code sub} must be one the service
 * knows, {@code kid} one of that client's keys, and the signature that key's. Then the issuer, the service's own
 * audience, and a token that says when it was issued ({@code iat}) and when it expires ({@code exp}), at most
 * {@link #MAX_LIFETIME} (and a minute of clock skew) from now: Spring's own timestamp check lets a token without
 * {@code exp} live forever.
 * <p>
 * The scopes are the service's decision: the {@link Jwt} the decoder answers carries, as {@code scope}, the scopes
 * configured for the client, narrowed to those the token asks for when it asks. A scope the token claims beyond them
 * is dropped, so Spring's authorities, made from {@code scope}, never exceed what the client was given.
 */
public final class ClientKeyJwts {

    public static final Duration MAX_LIFETIME = ServiceTokens.LIFETIME;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private ClientKeyJwts() {
    }

    /**
     * A decoder for tokens from {@code clients}, configured under {@code setting} (e.g.
     * {@code wareg.account-api.clients}). A client without a key or without scopes, or a key that is no P-256 public
     * key, stops the start with a message naming its setting.
     */
    public static JwtDecoder decoder(String setting, Map<String, TrustedClient> clients, String issuer,
                                     String audience, Clock clock) {
        Map<String, Client> known = new LinkedHashMap<>();
        clients.forEach((id, client) -> known.put(id, Client.of(setting + '.' + id, client)));
        var timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        timestamps.setClock(clock);
        List<OAuth2TokenValidator<Jwt>> validators = List.of(timestamps,
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>("aud", audiences -> audiences != null && audiences.contains(audience)),
                token -> boundedAndNamed(token, clock));
        return new Decoder(Map.copyOf(known), new DelegatingOAuth2TokenValidator<>(validators),
                new ConcurrentHashMap<>());
    }

    private record Client(Map<String, ECKey> keysById, Set<String> scopes) {

        static Client of(String setting, TrustedClient client) {
            if (client.publicKey().isEmpty()) {
                throw new IllegalStateException(setting + ".public-key is not set; " + ServiceKeys.MAKE_PUBLIC);
            }
            if (client.scopes().isEmpty()) {
                throw new IllegalStateException(setting + ".scopes is empty: give the client the scopes it needs, or"
                        + " remove it");
            }
            Map<String, ECKey> keys = new LinkedHashMap<>();
            for (String pem : client.publicKey()) {
                ECKey key = ServiceKeys.publicKey(setting + ".public-key", pem);
                keys.put(key.getKeyID(), key);
            }
            return new Client(Map.copyOf(keys), Set.copyOf(client.scopes()));
        }
    }

    /**
     * @param verified tokens whose signature was checked, by their text: a client reuses its token for minutes
     *                 ({@link ServiceTokens}), so each is verified once rather than on every request (an ECDSA
     *                 verification costs more than the rest of a small request). The text is the signed bytes, so a
     *                 token found here has a good signature; its times are checked again on every use.
     */
    private record Decoder(Map<String, Client> clients, OAuth2TokenValidator<Jwt> validator,
                           Map<String, Jwt> verified) implements JwtDecoder {

        /** The issuer is a name, not a URL: left as it is, rather than tried (and failed) as a URL every time. */
        private static final MappedJwtClaimSetConverter CLAIMS =
                MappedJwtClaimSetConverter.withDefaults(Map.of("iss", issuer -> issuer));
        /** Enough for every client's current and previous token many times over; past it, the cache starts again. */
        private static final int MOST_VERIFIED = 1_000;

        @Override
        public Jwt decode(String token) {
            Jwt known = verified.get(token);
            if (known != null) {
                return validated(known, token);
            }
            Jwt result = verify(token);
            if (verified.size() >= MOST_VERIFIED) {
                verified.clear();
            }
            verified.put(token, result);
            return result;
        }

        private Jwt validated(Jwt jwt, String token) {
            OAuth2TokenValidatorResult checked = validator.validate(jwt);
            if (checked.hasErrors()) {
                verified.remove(token);
                Collection<OAuth2Error> errors = checked.getErrors();
                String description = errors.stream().map(OAuth2Error::getDescription)
                        .collect(Collectors.joining("; "));
                throw new JwtValidationException("The token is not valid: " + description, errors);
            }
            return jwt;
        }

        private Jwt verify(String token) {
            SignedJWT jwt;
            Map<String, Object> claims;
            try {
                jwt = SignedJWT.parse(token);
                claims = jwt.getJWTClaimsSet().toJSONObject();
            } catch (ParseException e) {
                throw new BadJwtException("The token is not a signed JWT", e);
            }
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
                throw new BadJwtException("The token is not signed with ES256");
            }
            Object subject = claims.get("sub");
            Client client = subject instanceof String id ? clients.get(id) : null;
            if (client == null) {
                throw new BadJwtException("The token's client (sub) is not one this service knows");
            }
            String keyId = jwt.getHeader().getKeyID();
            ECKey key = keyId == null ? null : client.keysById().get(keyId);
            if (key == null) {
                throw new BadJwtException("The token's key (kid) is not one of its client's keys");
            }
            try {
                if (!jwt.verify(new ECDSAVerifier(key))) {
                    throw new BadJwtException("The token's signature is not its client's");
                }
            } catch (JOSEException e) {
                throw new BadJwtException("The token's signature cannot be checked", e);
            }
            Map<String, Object> granted = new LinkedHashMap<>(CLAIMS.convert(claims));
            granted.put("scope", String.join(" ", granted(client.scopes(), granted.get("scope"))));
            return validated(Jwt.withTokenValue(token)
                    .headers(headers -> headers.putAll(jwt.getHeader().toJSONObject()))
                    .claims(all -> all.putAll(granted))
                    .build(), token);
        }

        /** The configured scopes, narrowed to those the token asks for when it asks for any. */
        private static Set<String> granted(Set<String> allowed, Object asked) {
            if (asked == null) {
                return new LinkedHashSet<>(allowed.stream().sorted().toList());
            }
            Collection<String> wanted = asked instanceof Collection<?> list
                    ? list.stream().map(String::valueOf).toList()
                    : Arrays.asList(String.valueOf(asked).trim().split("\\s+"));
            var result = new LinkedHashSet<String>();
            wanted.stream().filter(allowed::contains).forEach(result::add);
            return result;
        }
    }

    private static OAuth2TokenValidatorResult boundedAndNamed(Jwt token, Clock clock) {
        if (token.getSubject() == null || token.getSubject().isBlank()) {
            return refused("The token names no client (sub)");
        }
        if (token.getIssuedAt() == null) {
            return refused("The token must say when it was issued (iat)");
        }
        if (token.getIssuedAt().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            return refused("The token was issued in the future (iat)");
        }
        if (token.getExpiresAt() == null) {
            return refused("The token must say when it expires (exp)");
        }
        if (token.getExpiresAt().isAfter(clock.instant().plus(MAX_LIFETIME).plus(CLOCK_SKEW))
                || token.getExpiresAt().isAfter(token.getIssuedAt().plus(MAX_LIFETIME))) {
            return refused("The token lives longer than " + MAX_LIFETIME.toMinutes() + " minutes");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult refused(String why) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", why, null));
    }
}
