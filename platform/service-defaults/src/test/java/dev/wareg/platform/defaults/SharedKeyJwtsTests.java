package dev.wareg.platform.defaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class SharedKeyJwtsTests {

    private static final String KEY = "a-test-key-of-at-least-thirty-two-bytes!";
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final JwtDecoder decoder = SharedKeyJwts.decoder(KEY.getBytes(StandardCharsets.UTF_8), "wareg",
            "account-api", clock);

    @Test
    void aTokenServiceTokensSignsIsAccepted() {
        String token = new ServiceTokens("update-worker", List.of("accounts:read"),
                new ServiceAuthProperties(KEY, "wareg", "account-api"), clock).authorization().substring(7);

        assertThat(decoder.decode(token).getSubject()).isEqualTo("update-worker");
    }

    @Test
    void aTokenWithoutExpiryIsRefused() throws Exception {
        assertRefused(sign(claims -> claims.expirationTime(null)), "exp");
    }

    @Test
    void aTokenLivingLongerThanTenMinutesIsRefused() throws Exception {
        assertRefused(sign(claims -> claims
                .expirationTime(Date.from(NOW.plus(Duration.ofHours(24))))), "longer than 10 minutes");
    }

    @Test
    void aTokenNamingNoClientIsRefused() throws Exception {
        assertRefused(sign(claims -> claims.subject(null)), "sub");
    }

    @Test
    void aTokenForAnotherAudienceOrIssuerIsRefused() throws Exception {
        assertRefused(sign(claims -> claims.audience("chat-service")), "aud");
        assertRefused(sign(claims -> claims.issuer("someone-else")), "iss");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        assertRefused(sign(claims -> claims
                .issueTime(Date.from(NOW.minus(Duration.ofMinutes(20))))
                .expirationTime(Date.from(NOW.minus(Duration.ofMinutes(11))))), "expired");
    }

    private void assertRefused(String token, String why) {
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining(why);
    }

    /** A token as ServiceTokens would sign it, changed by {@code change}. */
    private static String sign(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        var claims = new JWTClaimsSet.Builder().issuer("wareg").audience("account-api").subject("update-worker")
                .claim("scope", "accounts:read").issueTime(Date.from(NOW)).expirationTime(
                        Date.from(NOW.plus(Duration.ofMinutes(10)))).build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), change.apply(new JWTClaimsSet.Builder(claims))
                .build());
        jwt.sign(new MACSigner(KEY.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
