package dev.wareg.cloudapi;

import dev.wareg.platform.defaults.HmacSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Pattern;

/** Meta's deliveries for tests: the fixtures under {@code webhooks/}, and signing as Meta does. */
final class Webhooks {

    /** When the fixtures say their messages were sent (April 2024, as in Meta's examples). */
    private static final long FIXTURE_TIME = 1712345678L;
    private static final Pattern SENT_AT = Pattern.compile("\"timestamp\": *\"(\\d+)\"");

    private Webhooks() {
    }

    /** The fixture, sent just now: its timestamps ({@code 1712345678}, ...) moved to the present, kept in order. */
    static byte[] fixture(String name) {
        try (InputStream in = Webhooks.class.getResourceAsStream("/webhooks/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            long shift = Instant.now().getEpochSecond() - FIXTURE_TIME;
            return SENT_AT.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .replaceAll(sent -> "\"timestamp\": \"" + (Long.parseLong(sent.group(1)) + shift) + "\"")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code X-Hub-Signature-256} header Meta would send with this body. */
    static String signature(String appSecret, byte[] body) {
        return new HmacSignature(appSecret).sign(body);
    }
}
