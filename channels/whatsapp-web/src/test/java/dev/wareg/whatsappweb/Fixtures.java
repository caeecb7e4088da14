package dev.wareg.whatsappweb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The contract's fixtures under {@code contract/inbound}, {@code contract/outbound} and {@code contract/erasures}. */
final class Fixtures {

    static final List<String> INBOUND = List.of("text", "extended-text", "button", "list", "location", "pin",
            "contact", "edit", "lid-sender", "unsupported");
    static final List<String> OUTBOUND = List.of("text", "options", "lid-recipient");

    private Fixtures() {
    }

    static String inbound(String name) {
        return read("/contract/inbound/" + name + ".json");
    }

    static String erasure(String name) {
        return read("/contract/erasures/" + name + ".json");
    }

    static String outbound(String name) {
        return read("/contract/outbound/" + name + ".json");
    }

    private static String read(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
