package dev.wareg.platform.defaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** Each client its own key, each key its own scopes: what a service accepts from whom, and what it grants. */
class ClientKeyJwtsTests {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final ECKey WORKER = ServiceKeys.generate();
    private static final ECKey CHAT = ServiceKeys.generate();
    private static final ECKey STRANGER = ServiceKeys.generate();
    private static final ServiceAuthProperties AUTH = new ServiceAuthProperties("wareg", "account-api");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final JwtDecoder decoder = ClientKeyJwts.decoder("wareg.account-api.clients", Map.of(
            "update-worker", trusted(WORKER, "accounts:read", "accounts:write", "accounts:erase"),
            "chat-service", trusted(CHAT, "accounts:read", "accounts:link")), "wareg", "account-api", clock);

    @Test
    void aClientsTokenIsAcceptedWithTheScopesItAsksForThatItWasGiven() {
        String token = tokens("update-worker", WORKER, "accounts:read", "accounts:erase");

        var jwt = decoder.decode(token);

        assertThat(jwt.getSubject()).isEqualTo("update-worker");
        assertThat(jwt.getClaimAsString("scope")).isEqualTo("accounts:read accounts:erase");
    }

    @Test
    void aScopeClaimedBeyondWhatTheClientWasGivenIsNotGranted() {
        String token = tokens("chat-service", CHAT, "accounts:read", "accounts:write", "accounts:erase");

        assertThat(decoder.decode(token).getClaimAsString("scope")).isEqualTo("accounts:read");
    }

    @Test
    void aTokenAskingForNoScopeGetsTheClientsScopes() throws Exception {
        String token = sign(CHAT, claims -> claims.subject("chat-service").claim("scope", null));

        assertThat(decoder.decode(token).getClaimAsString("scope")).isEqualTo("accounts:link accounts:read");
    }

    @Test
    void aTokenSignedWithAnotherKeyOrAnotherClientsKeyIsRefused() throws Exception {
        assertBad(tokens("update-worker", STRANGER, "accounts:erase"), "kid");
        assertBad(tokens("update-worker", CHAT, "accounts:erase"), "kid");
        // The worker's key id, but the chat's signature: the kid alone proves nothing.
        var forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(WORKER.getKeyID()).build(),
                claims(UnaryOperator.identity()).subject("update-worker").build());
        forged.sign(new ECDSASigner(CHAT));
        assertBad(forged.serialize(), "signature");
    }

    @Test
    void aClientTheServiceDoesNotKnowIsRefused() {
        assertBad(tokens("privacy-desk", STRANGER, "accounts:erase"), "sub");
    }

    @Test
    void unsignedTokensAndHs256SignedWithThePublicKeyAreRefused() throws Exception {
        var claims = claims(UnaryOperator.identity()).subject("update-worker").build();
        assertBad(new PlainJWT(new PlainHeader(), claims).serialize(), "signed");
        var confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(WORKER.getKeyID()).build(), claims);
        confused.sign(new MACSigner(WORKER.toECPublicKey().getEncoded()));
        assertBad(confused.serialize(), "ES256");
        assertBad("not.a.token", "signed");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        assertInvalid(sign(WORKER, claims -> claims
                .issueTime(Date.from(NOW.minus(Duration.ofMinutes(20))))
                .expirationTime(Date.from(NOW.minus(Duration.ofMinutes(11))))), "expired");
    }

    @Test
    void aTokenWithoutSubjectIssueTimeOrExpiryIsRefused() throws Exception {
        assertBad(sign(WORKER, claims -> claims.subject(null)), "sub");
        assertInvalid(sign(WORKER, claims -> claims.issueTime(null)), "iat");
        assertInvalid(sign(WORKER, claims -> claims.expirationTime(null)), "exp");
    }

    @Test
    void aTokenLivingLongerThanTenMinutesOrIssuedInTheFutureIsRefused() throws Exception {
        assertInvalid(sign(WORKER, claims -> claims
                .expirationTime(Date.from(NOW.plus(Duration.ofHours(24))))), "longer than 10 minutes");
        assertInvalid(sign(WORKER, claims -> claims
                .issueTime(Date.from(NOW.minus(Duration.ofMinutes(5))))
                .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(8))))), "longer than 10 minutes");
        assertInvalid(sign(WORKER, claims -> claims
                .issueTime(Date.from(NOW.plus(Duration.ofMinutes(5))))
                .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(6))))), "future");
    }

    @Test
    void aTokenForAnotherAudienceOrIssuerIsRefused() throws Exception {
        assertInvalid(sign(WORKER, claims -> claims.audience("chat-service")), "aud");
        assertInvalid(sign(WORKER, claims -> claims.issuer("someone-else")), "iss");
    }

    @Test
    void aClientWithoutKeyOrScopesOrWithAPlaceholderKeyStopsTheStart() {
        assertThatThrownBy(() -> ClientKeyJwts.decoder("wareg.account-api.clients",
                Map.of("chat-service", new TrustedClient(List.of(), Set.of("accounts:read"))), "wareg", "account-api",
                clock)).hasMessageStartingWith("wareg.account-api.clients.chat-service.public-key is not set");
        assertThatThrownBy(() -> ClientKeyJwts.decoder("wareg.account-api.clients",
                Map.of("chat-service", new TrustedClient(List.of(ServiceKeys.publicPem(CHAT)), Set.of())), "wareg",
                "account-api", clock)).hasMessageStartingWith("wareg.account-api.clients.chat-service.scopes is empty");
        assertThatThrownBy(() -> ClientKeyJwts.decoder("wareg.account-api.clients",
                Map.of("chat-service", new TrustedClient(List.of("replace-with-chat-service-public-key"),
                        Set.of("accounts:read"))), "wareg", "account-api", clock))
                .hasMessageStartingWith("wareg.account-api.clients.chat-service.public-key is still the example's"
                        + " placeholder");
    }

    @Test
    void duringAKeyChangeEitherOfAClientsKeysIsAccepted() {
        JwtDecoder twoKeys = ClientKeyJwts.decoder("wareg.account-api.clients", Map.of("chat-service",
                new TrustedClient(List.of(ServiceKeys.publicPem(CHAT), ServiceKeys.publicPem(STRANGER)),
                        Set.of("accounts:read"))), "wareg", "account-api", clock);

        assertThat(twoKeys.decode(tokens("chat-service", CHAT, "accounts:read")).getSubject()).isEqualTo("chat-service");
        assertThat(twoKeys.decode(tokens("chat-service", STRANGER, "accounts:read")).getSubject())
                .isEqualTo("chat-service");
    }

    @Test
    void theTableIsReadFromSettingsTwoKeysCommaSeparatedScopesToo() {
        var settings = new MapConfigurationPropertySource(Map.of(
                "wareg.account-api.clients.chat-service.public-key", oneLine(CHAT) + "," + oneLine(STRANGER),
                "wareg.account-api.clients.chat-service.scopes", "accounts:read,accounts:link"));

        Map<String, TrustedClient> clients = new Binder(settings).bind("wareg.account-api.clients",
                Bindable.mapOf(String.class, TrustedClient.class)).get();

        assertThat(clients.get("chat-service").publicKey()).hasSize(2);
        assertThat(clients.get("chat-service").scopes()).containsExactlyInAnyOrder("accounts:read", "accounts:link");
        JwtDecoder fromSettings = ClientKeyJwts.decoder("wareg.account-api.clients", clients, "wareg", "account-api",
                clock);
        assertThat(fromSettings.decode(tokens("chat-service", STRANGER, "accounts:link")).getClaimAsString("scope"))
                .isEqualTo("accounts:link");
    }

    private static String oneLine(ECKey key) {
        return ServiceKeys.publicPem(key).lines().filter(line -> !line.startsWith("-----")).reduce("", String::concat);
    }

    private static TrustedClient trusted(ECKey key, String... scopes) {
        return new TrustedClient(List.of(ServiceKeys.publicPem(key)), Set.of(scopes));
    }

    private String tokens(String clientId, ECKey key, String... scopes) {
        return new ServiceTokens(clientId, List.of(scopes), key, AUTH, clock).authorization().substring(7);
    }

    private void assertBad(String token, String why) {
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(BadJwtException.class).hasMessageContaining(why);
    }

    private void assertInvalid(String token, String why) {
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining(why);
    }

    private static JWTClaimsSet.Builder claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(new JWTClaimsSet.Builder().issuer("wareg").audience("account-api").subject("update-worker")
                .claim("scope", "accounts:read").issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(10)))));
    }

    /** A token as ServiceTokens would sign it with {@code key}, changed by {@code change}. */
    private static String sign(ECKey key, UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                claims(change).build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }
}
