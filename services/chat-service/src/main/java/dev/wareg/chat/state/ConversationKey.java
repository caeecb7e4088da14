package dev.wareg.chat.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a stored conversation is found by: the SHA-256 of its channel and sender, in lowercase hex.
 * <p>
 * The sender's phone number stays out of keys: they show up where values do not (Redis' {@code SCAN}/{@code MONITOR}
 * output, slow logs and memory reports; PostgreSQL's index pages, lock and error messages), where a hash is enough
 * to tell conversations apart. The hash is not anonymisation (phone numbers are few enough to enumerate), and the
 * stored conversation still holds the sender; both go when it expires.
 */
public final class ConversationKey {

    private ConversationKey() {
    }

    public static String of(String channel, String sender) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((channel + '\n' + sender).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
