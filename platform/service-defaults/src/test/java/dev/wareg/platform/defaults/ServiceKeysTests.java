package dev.wareg.platform.defaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A service does not start with a key that is none, one anyone could know, or one left from an example. */
class ServiceKeysTests {

    private static final String SETTING = "wareg.chat.client-key";

    @Test
    void aPrivateKeyInPemGivesItsKeyPairWithItsThumbprintAsIdOnBothSides() throws Exception {
        ECKey generated = ServiceKeys.generate();

        ECKey fromPem = ServiceKeys.privateKey(SETTING, ServiceKeys.privatePem(generated));
        ECKey publicOnly = ServiceKeys.publicKey("wareg.account-api.clients.chat-service.public-key",
                ServiceKeys.publicPem(generated));

        assertThat(fromPem.toECPublicKey()).isEqualTo(generated.toECPublicKey());
        assertThat(fromPem.getKeyID()).isEqualTo(generated.getKeyID()).isEqualTo(generated.computeThumbprint().toString())
                .isEqualTo(publicOnly.getKeyID());
        assertThat(publicOnly.isPrivate()).isFalse();
    }

    @Test
    void theBase64BetweenThePemLinesOnOneLineIsTheSameKey() {
        ECKey generated = ServiceKeys.generate();
        String oneLine = ServiceKeys.privatePem(generated).lines().filter(line -> !line.startsWith("-----"))
                .reduce("", String::concat);
        String publicOneLine = ServiceKeys.publicPem(generated).lines().filter(line -> !line.startsWith("-----"))
                .reduce("", String::concat);

        assertThat(ServiceKeys.privateKey(SETTING, oneLine).getKeyID()).isEqualTo(generated.getKeyID());
        assertThat(ServiceKeys.publicKey(SETTING, publicOneLine).getKeyID()).isEqualTo(generated.getKeyID());
    }

    @Test
    void theExamplesPlaceholdersAndMissingKeysStopTheStartSayingHowToMakeAKey() {
        Stream.of("replace-with-chat-service-private-key", "replace-me", "CHANGE-ME", "", " ")
                .forEach(value -> assertThatThrownBy(() -> ServiceKeys.privateKey(SETTING, value))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith(SETTING)
                        .hasMessageContaining("openssl ecparam -name prime256v1 -genkey"));
        assertThatThrownBy(() -> ServiceKeys.publicKey(SETTING, "replace-with-update-worker-public-key"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(SETTING + " is still the example's placeholder")
                .hasMessageContaining("openssl ec -pubout");
        assertThatThrownBy(() -> ServiceKeys.privateKey(SETTING, null)).hasMessage(SETTING + " is not set; "
                + ServiceKeys.MAKE_PRIVATE);
    }

    @Test
    void whatIsNoKeyOrAKeyOfAnotherKindStopsTheStart() throws Exception {
        var rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String rsaKey = Base64.getEncoder().encodeToString(rsa.generateKeyPair().getPrivate().getEncoded());
        var p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));
        String p384Key = Base64.getEncoder().encodeToString(p384.generateKeyPair().getPrivate().getEncoded());

        assertThatThrownBy(() -> ServiceKeys.privateKey(SETTING, "not a key at all"))
                .hasMessageStartingWith(SETTING + " is not a PEM private key");
        assertThatThrownBy(() -> ServiceKeys.privateKey(SETTING, rsaKey))
                .hasMessageStartingWith(SETTING + " is not an EC private key");
        assertThatThrownBy(() -> ServiceKeys.privateKey(SETTING, p384Key))
                .hasMessageStartingWith(SETTING + " is not on the curve P-256");
        assertThatThrownBy(() -> ServiceKeys.publicKey(SETTING, ServiceKeys.privatePem(ServiceKeys.generate())))
                .hasMessageStartingWith(SETTING + " is not an EC public key");
    }

    @Test
    void aPrivateKeyThatIsASmallNumberWasNotDrawnAtRandomAndStopsTheStart() throws Exception {
        var params = ServiceKeys.generate().toECPrivateKey().getParams();
        byte[] small = KeyFactory.getInstance("EC")
                .generatePrivate(new ECPrivateKeySpec(BigInteger.valueOf(123456789), params)).getEncoded();

        assertThatThrownBy(() -> ServiceKeys.privateKey(SETTING, Base64.getEncoder().encodeToString(small)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(SETTING + " is too easy to guess");
    }
}
