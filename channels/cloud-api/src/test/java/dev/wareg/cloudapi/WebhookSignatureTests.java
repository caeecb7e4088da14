package dev.wareg.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.cloudapi.WebhookSignature.Verdict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

    private static final String SECRET = "app-secret";
    private final WebhookSignature signature = new WebhookSignature(SECRET);
    private final byte[] body = "{\"object\":\"whatsapp_business_account\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsTheHmacOfTheRawBodyWithTheAppSecret() {
        assertThat(signature.verify(Webhooks.signature(SECRET, body), body)).isEqualTo(Verdict.VALID);
    }

    @Test
    void acceptsUpperCaseHex() {
        String header = "sha256=" + Webhooks.signature(SECRET, body).substring(7).toUpperCase();
        assertThat(signature.verify(header, body)).isEqualTo(Verdict.VALID);
    }

    @Test
    void refusesATamperedBody() {
        byte[] tampered = "{\"object\":\"whatsapp_business_account\" }".getBytes(StandardCharsets.UTF_8);
        assertThat(signature.verify(Webhooks.signature(SECRET, body), tampered)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        assertThat(signature.verify(Webhooks.signature("other", body), body)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void tellsAMissingHeaderFromAMalformedOne() {
        assertThat(signature.verify(null, body)).isEqualTo(Verdict.MISSING);
        assertThat(signature.verify("", body)).isEqualTo(Verdict.MISSING);
        assertThat(signature.verify("sha1=" + "0".repeat(40), body)).isEqualTo(Verdict.MALFORMED);
        assertThat(signature.verify("sha256=" + "z".repeat(64), body)).isEqualTo(Verdict.MALFORMED);
        assertThat(signature.verify("sha256=abc", body)).isEqualTo(Verdict.MALFORMED);
    }
}
