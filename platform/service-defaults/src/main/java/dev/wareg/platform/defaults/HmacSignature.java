package dev.wareg.platform.defaults;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A body signed the way Meta signs its webhooks: a header value {@code sha256=<hex HMAC-SHA256 of the raw body>}
 * keyed with a shared secret (https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads).
 * The HMAC is over the bytes as sent, so it is checked before anything parses them, and compared in constant time
 * so that response timing tells a forger nothing about how close a guess was. Used wherever a channel signs or
 * checks such a header: the Cloud API channel's webhook, and the WhatsApp Web channel both ways.
 */
public final class HmacSignature {

    private static final String PREFIX = "sha256=";
    private static final int HEX_LENGTH = 64;

    // Initialised once with the key and cloned per body: a clone copies the keyed state, where getInstance and init
    // would look the provider up and expand the key again for every request.
    private final Mac keyed;

    public HmacSignature(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a signature needs a secret");
        }
        try {
            keyed = Mac.getInstance("HmacSHA256");
            keyed.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    /** Whether {@code header} is the signature of {@code body}, and if not, why not. */
    public Verdict verify(String header, byte[] body) {
        if (header == null || header.isBlank()) {
            return Verdict.MISSING;
        }
        if (!header.startsWith(PREFIX) || header.length() != PREFIX.length() + HEX_LENGTH) {
            return Verdict.MALFORMED;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(header, PREFIX.length(), header.length());
        } catch (IllegalArgumentException e) {
            return Verdict.MALFORMED;
        }
        return MessageDigest.isEqual(claimed, mac(body)) ? Verdict.VALID : Verdict.MISMATCH;
    }

    /** The header value that signs {@code body}: {@code sha256=} and 64 lower-case hex digits. */
    public String sign(byte[] body) {
        return PREFIX + HexFormat.of().formatHex(mac(body));
    }

    private byte[] mac(byte[] body) {
        try {
            return ((Mac) keyed.clone()).doFinal(body);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 can be cloned", e);
        }
    }

    /** Why a signature is refused, or that it is not; {@link #reason()} suits a metric tag. */
    public enum Verdict {
        VALID, MISSING, MALFORMED, MISMATCH;

        public String reason() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
