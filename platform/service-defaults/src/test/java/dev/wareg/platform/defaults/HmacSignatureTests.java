package dev.wareg.platform.defaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wareg.platform.defaults.HmacSignature.Verdict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HmacSignatureTests {

    private static final byte[] BODY = "{\"text\":\"oi\"}".getBytes(StandardCharsets.UTF_8);
    private final HmacSignature signature = new HmacSignature("the-secret");

    @Test
    void signsWithTheHexHmacSha256OfTheBody() {
        // The well-known example (also `openssl dgst -sha256 -hmac key`), so the format is checked, not just symmetry.
        assertThat(new HmacSignature("key").sign("The quick brown fox jumps over the lazy dog"
                .getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void acceptsItsOwnSignature() {
        assertThat(signature.verify(signature.sign(BODY), BODY)).isEqualTo(Verdict.VALID);
    }

    @Test
    void acceptsUpperCaseHex() {
        // Hex digits are case-insensitive; Meta writes lower case, other signers need not.
        assertThat(signature.verify("sha256=" + signature.sign(BODY).substring(7).toUpperCase(java.util.Locale.ROOT),
                BODY)).isEqualTo(Verdict.VALID);
    }

    @Test
    void refusesAMissingMalformedOrWrongSignature() {
        String good = signature.sign(BODY);
        byte[] tampered = "{\"text\":\"oj\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(signature.verify(null, BODY)).isEqualTo(Verdict.MISSING);
        assertThat(signature.verify(" ", BODY)).isEqualTo(Verdict.MISSING);
        assertThat(signature.verify("md5=abc", BODY)).isEqualTo(Verdict.MALFORMED);
        assertThat(signature.verify("sha256=" + "z".repeat(64), BODY)).isEqualTo(Verdict.MALFORMED);
        assertThat(signature.verify(good, tampered)).isEqualTo(Verdict.MISMATCH);
        assertThat(signature.verify(new HmacSignature("another").sign(BODY), BODY)).isEqualTo(Verdict.MISMATCH);
        assertThat(Verdict.MISMATCH.reason()).isEqualTo("mismatch");
    }

    @Test
    void signsManyBodiesConcurrentlyWithOneInstance() throws Exception {
        var bodies = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)).toList();
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            var verdicts = threads.invokeAll(bodies.stream().<java.util.concurrent.Callable<Verdict>>map(
                    body -> () -> signature.verify(new HmacSignature("the-secret").sign(body), body)).toList());
            for (var verdict : verdicts) {
                assertThat(verdict.get()).isEqualTo(Verdict.VALID);
            }
        }
    }

    @Test
    void needsASecret() {
        assertThatThrownBy(() -> new HmacSignature("")).isInstanceOf(IllegalArgumentException.class);
    }
}
