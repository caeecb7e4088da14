package dev.wareg.platform.defaults;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The bearer tokens one client service sends to account-api: HS256 JWTs with the client's id as subject (the
 * audit's actor) and only the scopes it needs. A token is reused until shortly before it expires.
 */
public final class ServiceTokens {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

    private final String clientId;
    private final List<String> scopes;
    private final ServiceAuthProperties properties;
    private final MACSigner signer;
    private final Clock clock;

    private String token;
    private Instant renewAt = Instant.MIN;

    public ServiceTokens(String clientId, List<String> scopes, ServiceAuthProperties properties, Clock clock) {
        this.clientId = clientId;
        this.scopes = List.copyOf(scopes);
        this.properties = properties;
        this.clock = clock;
        byte[] key = properties.keyBytes().orElseThrow(() -> new IllegalStateException(
                clientId + " calls account-api and needs wareg.service-auth.hmac-key (WAREG_SERVICEAUTH_HMACKEY)"));
        try {
            this.signer = new MACSigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("wareg.service-auth.hmac-key cannot sign HS256 tokens", e);
        }
    }

    /** The value of the {@code Authorization} header. */
    public synchronized String authorization() {
        Instant now = clock.instant();
        if (!now.isBefore(renewAt)) {
            token = sign(now);
            renewAt = now.plus(LIFETIME).minus(RENEW_BEFORE_EXPIRY);
        }
        return "Bearer " + token;
    }

    private String sign(Instant now) {
        var claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .audience(properties.audience())
                .subject(clientId)
                .claim("client_id", clientId)
                .claim("scope", String.join(" ", scopes))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a service token", e);
        }
        return jwt.serialize();
    }
}
