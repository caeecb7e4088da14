package dev.wareg.platform.defaults;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * How a service checks the HS256 tokens signed with {@code wareg.service-auth.hmac-key} ({@link ServiceTokens} signs
 * them): the signature, the issuer, its own audience, and a token that says who sent it ({@code sub}) and when it
 * expires, at most {@link #MAX_LIFETIME} (and a minute of clock skew) from now. Spring's own timestamp check lets a
 * token without {@code exp} live forever; here it is refused, as is one that would outlive the cap.
 */
public final class SharedKeyJwts {

    public static final Duration MAX_LIFETIME = ServiceTokens.LIFETIME;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private SharedKeyJwts() {
    }

    public static JwtDecoder decoder(byte[] key, String issuer, String audience, Clock clock) {
        var decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(key, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        var timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        List<OAuth2TokenValidator<Jwt>> validators = List.of(timestamps,
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>("aud", audiences -> audiences != null && audiences.contains(audience)),
                token -> boundedAndNamed(token, clock));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    private static OAuth2TokenValidatorResult boundedAndNamed(Jwt token, Clock clock) {
        if (token.getSubject() == null || token.getSubject().isBlank()) {
            return refused("The token names no client (sub)");
        }
        if (token.getExpiresAt() == null) {
            return refused("The token must say when it expires (exp)");
        }
        if (token.getExpiresAt().isAfter(clock.instant().plus(MAX_LIFETIME).plus(CLOCK_SKEW))) {
            return refused("The token lives longer than " + MAX_LIFETIME.toMinutes() + " minutes");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult refused(String why) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", why, null));
    }
}
