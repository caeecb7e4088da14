package dev.wareg.platform.defaults;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.KeyAgreement;

/**
 * The EC P-256 keys service tokens are signed (ES256) and verified with. A client holds its private key, as PEM
 * PKCS#8 ({@code openssl ecparam -name prime256v1 -genkey | openssl pkcs8 -topk8 -nocrypt}); whoever verifies holds
 * the public key, as PEM ({@code openssl ec -pubout}). Both may also be given as the base64 between the PEM lines on
 * one line, which is how {@code deploy/.env} carries them. A key's id ({@code kid}) is its RFC 7638 thumbprint, so
 * that both sides derive it and nobody configures it.
 * <p>
 * A value left from an example ({@code replace-…}), one that is no key, a key on another curve, or a private key whose
 * number is too small to have been drawn at random stops the service at start, with a message naming the setting and
 * how to make a key: whoever read the example could otherwise sign tokens.
 */
public final class ServiceKeys {

    static final String MAKE_PRIVATE = "make one with: openssl ecparam -name prime256v1 -genkey"
            + " | openssl pkcs8 -topk8 -nocrypt (docs/operations.md, \"Service keys\")";
    static final String MAKE_PUBLIC = "take it from the client's private key with: openssl ec -pubout"
            + " (docs/operations.md, \"Service keys\")";
    /** A random P-256 private key is a number of about 256 bits; one under 192 bits was not drawn at random. */
    static final int MIN_PRIVATE_BITS = 192;
    /** Words of the placeholders in the deployment examples, which must never reach a running service. */
    private static final List<String> PLACEHOLDERS = List.of("replace", "change-me", "changeme", "example",
            "placeholder", "your-key", "secret-key");

    private ServiceKeys() {
    }

    /** The client's key pair from its private key; {@code setting} names where it came from, for the messages. */
    public static ECKey privateKey(String setting, String pem) {
        byte[] der = der(setting, pem, "private", MAKE_PRIVATE);
        ECPrivateKey key;
        try {
            key = (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(setting + " is not an EC private key in PEM PKCS#8; " + MAKE_PRIVATE, e);
        }
        requireP256(setting, key.getParams(), MAKE_PRIVATE);
        if (key.getS().bitLength() < MIN_PRIVATE_BITS) {
            throw new IllegalStateException(setting + " is too easy to guess (a number under " + MIN_PRIVATE_BITS
                    + " bits, not a random key); " + MAKE_PRIVATE);
        }
        return keyPair(publicHalf(key), key);
    }

    /** A client's public key, with its thumbprint as id. */
    public static ECKey publicKey(String setting, String pem) {
        byte[] der = der(setting, pem, "public", MAKE_PUBLIC);
        ECPublicKey key;
        try {
            key = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(setting + " is not an EC public key in PEM; " + MAKE_PUBLIC, e);
        }
        requireP256(setting, key.getParams(), MAKE_PUBLIC);
        return keyPair(key, null);
    }

    /** A new P-256 key pair, for a client whose key lives only in memory (the embedded default, tests). */
    public static ECKey generate() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            var pair = generator.generateKeyPair();
            return keyPair((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make EC P-256 keys", e);
        }
    }

    /** The private half as PEM PKCS#8, as {@link #privateKey} reads it. */
    public static String privatePem(ECKey key) {
        try {
            return pem("PRIVATE KEY", key.toECPrivateKey().getEncoded());
        } catch (JOSEException e) {
            throw new IllegalStateException("the key has no private half", e);
        }
    }

    /** The public half as PEM, as {@link #publicKey} reads it. */
    public static String publicPem(ECKey key) {
        try {
            return pem("PUBLIC KEY", key.toECPublicKey().getEncoded());
        } catch (JOSEException e) {
            throw new IllegalStateException("not an EC key", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String setting, String pem, String half, String make) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalStateException(setting + " is not set; " + make);
        }
        String lower = pem.toLowerCase(Locale.ROOT);
        if (PLACEHOLDERS.stream().anyMatch(lower::contains)) {
            throw new IllegalStateException(setting + " is still the example's placeholder, not a key; " + make);
        }
        String body = pem.replace("\\n", "\n").lines()
                .filter(line -> !line.startsWith("-----"))
                .map(String::strip)
                .reduce("", String::concat);
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not a PEM " + half + " key; " + make, e);
        }
    }

    private static void requireP256(String setting, ECParameterSpec params, String make) {
        if (Curve.forECParameterSpec(params) != Curve.P_256) {
            throw new IllegalStateException(setting + " is not on the curve P-256 (prime256v1), which ES256 needs; "
                    + make);
        }
    }

    private static ECKey keyPair(ECPublicKey publicKey, ECPrivateKey privateKey) {
        try {
            return new ECKey.Builder(Curve.P_256, publicKey).privateKey(privateKey).keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not compute the key's thumbprint", e);
        }
    }

    /**
     * The public key of a private key. PKCS#8 may carry it, but need not (the JDK writes none), so it is computed:
     * ECDH of the private key with the curve's generator is the x of the public point; of the two points with that
     * x, the one that verifies what the private key signs is the public key.
     */
    static ECPublicKey publicHalf(ECPrivateKey key) {
        try {
            ECParameterSpec params = key.getParams();
            var factory = KeyFactory.getInstance("EC");
            var agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(key);
            agreement.doPhase(factory.generatePublic(new ECPublicKeySpec(params.getGenerator(), params)), true);
            BigInteger x = new BigInteger(1, agreement.generateSecret());
            BigInteger p = ((ECFieldFp) params.getCurve().getField()).getP();
            BigInteger ySquared = x.pow(3).add(params.getCurve().getA().multiply(x)).add(params.getCurve().getB())
                    .mod(p);
            BigInteger y = ySquared.modPow(p.add(BigInteger.ONE).shiftRight(2), p); // p ≡ 3 (mod 4) for P-256
            byte[] probe = "wareg service key".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            var signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            for (BigInteger candidate : List.of(y, p.subtract(y))) {
                var publicKey = (ECPublicKey) factory.generatePublic(
                        new ECPublicKeySpec(new ECPoint(x, candidate), params));
                var verifier = Signature.getInstance("SHA256withECDSA");
                verifier.initVerify(publicKey);
                verifier.update(probe);
                if (verifier.verify(signature)) {
                    return publicKey;
                }
            }
            throw new IllegalStateException("no public key verifies what the private key signs");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not derive the public key of a private key", e);
        }
    }
}
