package dev.wareg.platform.defaults;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The bearer tokens one client service sends to another: ES256 JWTs signed with the client's own private key, its
 * key id ({@code kid}, the key's thumbprint) in the header, the client's id as subject (the audit's actor) and the
 * scopes it asks for, which the service it calls narrows to those it granted the client ({@link ClientKeyJwts}).
 * A token lives {@link #LIFETIME} and is reused until shortly before it expires.
 */
public final class ServiceTokens {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

    private final String clientId;
    private final List<String> scopes;
    private final ServiceAuthProperties properties;
    private final JWSSigner signer;
    private final JWSHeader header;
    private final Clock clock;

    private String token;
    private Instant renewAt = Instant.MIN;

    /** @param key the client's key pair, from {@link ServiceKeys#privateKey} or {@link ServiceKeys#generate} */
    public ServiceTokens(String clientId, List<String> scopes, ECKey key, ServiceAuthProperties properties,
                         Clock clock) {
        this.clientId = clientId;
        this.scopes = List.copyOf(scopes);
        this.properties = properties;
        this.clock = clock;
        this.header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build();
        try {
            this.signer = new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(clientId + "'s key cannot sign ES256 tokens", e);
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
        var jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a service token", e);
        }
        return jwt.serialize();
    }
}
