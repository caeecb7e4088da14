package dev.wareg.cloudapi;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta signs every delivery with the app secret: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw
 * body>} (https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads). The HMAC is
 * over the bytes as sent, so it is checked before anything parses them, and compared in constant time so that
 * response timing tells a forger nothing about how close a guess was.
 */
final class WebhookSignature {

    private static final String PREFIX = "sha256=";
    private static final int HEX_LENGTH = 64;

    // Initialised once with the key and cloned per delivery: a clone copies the keyed state, where getInstance and
    // init would look the provider up and expand the key again for every request.
    private final Mac keyed;

    WebhookSignature(String appSecret) {
        try {
            keyed = Mac.getInstance("HmacSHA256");
            keyed.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    Verdict verify(String header, byte[] body) {
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
        return MessageDigest.isEqual(claimed, sign(body)) ? Verdict.VALID : Verdict.MISMATCH;
    }

    byte[] sign(byte[] body) {
        try {
            return ((Mac) keyed.clone()).doFinal(body);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 can be cloned", e);
        }
    }

    /** Why a delivery is refused, or that it is not; the names are the {@code reason} tag of the rejection metric. */
    enum Verdict {
        VALID, MISSING, MALFORMED, MISMATCH;

        String reason() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
