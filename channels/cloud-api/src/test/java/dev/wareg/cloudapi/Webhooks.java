package dev.wareg.cloudapi;

import dev.wareg.platform.defaults.HmacSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Meta's deliveries for tests: the fixtures under {@code webhooks/}, and signing as Meta does. */
final class Webhooks {

    private Webhooks() {
    }

    static byte[] fixture(String name) {
        try (InputStream in = Webhooks.class.getResourceAsStream("/webhooks/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code X-Hub-Signature-256} header Meta would send with this body. */
    static String signature(String appSecret, byte[] body) {
        return new HmacSignature(appSecret).sign(body);
    }
}
