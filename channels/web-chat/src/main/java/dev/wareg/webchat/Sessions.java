package dev.wareg.webchat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Browsers bound to a number by a one-time code. A session is an opaque random id (256 bits from
 * {@link SecureRandom}, in an HttpOnly cookie) that maps, here and nowhere else, to the E.164 number it proved; it
 * ends when its browser logs out, when it is not used for {@code idleTimeout}, when the number's account is erased,
 * or when {@code max} newer sessions pushed it out. Sessions do not outlive the process, like the transcripts.
 */
final class Sessions {

    private static final int ID_BYTES = 32;

    private final Duration idleTimeout;
    private final int max;
    private final Clock clock;
    private final SecureRandom random;

    // Least recently used first: a session moves to the end each time it is used.
    private final LinkedHashMap<String, Session> sessions = new LinkedHashMap<>();

    Sessions(Duration idleTimeout, int max, Clock clock, SecureRandom random) {
        if (idleTimeout.isNegative() || idleTimeout.isZero() || max < 1) {
            throw new IllegalArgumentException("idleTimeout and max must be positive");
        }
        this.idleTimeout = idleTimeout;
        this.max = max;
        this.clock = clock;
        this.random = random;
    }

    /** @return the new session's id */
    synchronized String open(String phone) {
        Instant now = clock.instant();
        forgetIdle(now);
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.putLast(id, new Session(phone, now));
        if (sessions.size() > max) {
            sessions.pollFirstEntry();
        }
        return id;
    }

    /** The number a live session proved, which counts as using it; empty for an unknown or ended one. */
    synchronized Optional<String> use(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        forgetIdle(now);
        Session session = sessions.remove(id);
        if (session == null) {
            return Optional.empty();
        }
        session.lastUsed = now;
        sessions.putLast(id, session);
        return Optional.of(session.phone);
    }

    synchronized void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Ends every session of the number, e.g. when its account is erased. */
    synchronized void closeAll(String phone) {
        sessions.values().removeIf(session -> session.phone.equals(phone));
    }

    synchronized int count() {
        forgetIdle(clock.instant());
        return sessions.size();
    }

    private void forgetIdle(Instant now) {
        Instant idleSince = now.minus(idleTimeout);
        Iterator<Map.Entry<String, Session>> leastRecentlyUsedFirst = sessions.entrySet().iterator();
        while (leastRecentlyUsedFirst.hasNext()) {
            if (leastRecentlyUsedFirst.next().getValue().lastUsed.isAfter(idleSince)) {
                return;
            }
            leastRecentlyUsedFirst.remove();
        }
    }

    private static final class Session {

        private final String phone;
        private Instant lastUsed;

        Session(String phone, Instant lastUsed) {
            this.phone = phone;
            this.lastUsed = lastUsed;
        }
    }
}
