package dev.wareg.chat.conversation;

import dev.wareg.fields.RegistrationFields;
import dev.wareg.fields.Validation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The limit on codes sent over WhatsApp to one number across every sender ({@link CodesPerNumberProperties}): asked
 * before each code goes, it counts the send in {@link CodeSends} or refuses it. A refusal is counted in
 * {@value #REFUSED}, tagged with the code's purpose only (a closed set), never the number.
 * <p>
 * A send is counted when the turn that sends it is made, so a turn played again because its save lost a race counts
 * twice though one code goes: the limit errs towards fewer messages.
 */
@Component
class CodesPerNumber {

    static final String REFUSED = "wareg.chat.codes.refused";

    /** What a code proves, the metric's only tag. */
    enum Purpose {
        /** A sender known by an id without a phone links a number ({@link SenderLinking}). */
        LINK,
        /** A person moves their registration to a new number ({@link ContactProofs}). */
        PHONE
    }

    private final CodeSends sends;
    private final CodesPerNumberProperties limit;
    private final Clock clock;
    private final Map<Purpose, Counter> refused = new EnumMap<>(Purpose.class);

    CodesPerNumber(CodeSends sends, CodesPerNumberProperties limit, Clock clock, MeterRegistry registry) {
        this.sends = sends;
        this.limit = limit;
        this.clock = clock;
        for (Purpose purpose : Purpose.values()) {
            refused.put(purpose, Counter.builder(REFUSED)
                    .tag("purpose", purpose.name().toLowerCase(Locale.ROOT))
                    .description("Codes not sent because their number had been sent the most codes allowed in the"
                            + " window (wareg.chat.codes-per-number)")
                    .register(registry));
        }
    }

    /** Whether a code may go to this number now; if so, it is counted. */
    boolean allows(String number, Purpose purpose) {
        if (sends.tryCount(key(number), clock.instant(), limit.window(), limit.max())) {
            return true;
        }
        refused.get(purpose).increment();
        return false;
    }

    /** How far back sends are counted: what the person is told to wait at most. */
    Duration window() {
        return limit.window();
    }

    /**
     * The SHA-256 of the number in E.164 (so every way of writing it counts alike), in lowercase hex: what the stores
     * know a number by. As with conversation keys, the hash keeps numbers out of key names, logs and indexes; it is
     * no anonymisation (numbers are few enough to enumerate), and counts expire after the window.
     */
    static String key(String number) {
        String e164 = RegistrationFields.PHONE.validate(number) instanceof Validation.Valid(String phone)
                ? phone : number.strip();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("code-to\n" + e164).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
