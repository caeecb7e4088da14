package dev.wareg.webchat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one-time codes that prove a browser's user holds a number: 6 random digits, one live code per number (a new
 * one replaces the last), good for {@code validity}, used once, and burned after {@code maxAttempts} wrong tries.
 *
 * <p>Only an HMAC of each code is kept, under a key made at start and never written anywhere, so a heap dump or a
 * debugger shows no usable code; with only a million codes a plain hash would be reversed at once. Comparison is in
 * constant time ({@link MessageDigest#isEqual}), so the time taken says nothing about how many digits were right.
 *
 * <p>Bounded: at most {@code maxPending} codes wait; the oldest goes first when a new one needs room (which only
 * costs its owner a new code: the rate limits, not this bound, hold an attacker back).
 */
final class OneTimeCodes {

    static final int DIGITS = 6;
    private static final String HMAC = "HmacSHA256";

    private final Duration validity;
    private final int maxAttempts;
    private final int maxPending;
    private final Clock clock;
    private final SecureRandom random;
    private final SecretKeySpec key;

    // Oldest first, by the time each code was issued.
    private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();

    OneTimeCodes(Duration validity, int maxAttempts, int maxPending, Clock clock, SecureRandom random) {
        if (validity.isNegative() || validity.isZero() || maxAttempts < 1 || maxPending < 1) {
            throw new IllegalArgumentException("validity, maxAttempts and maxPending must be positive");
        }
        this.validity = validity;
        this.maxAttempts = maxAttempts;
        this.maxPending = maxPending;
        this.clock = clock;
        this.random = random;
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
    }

    Duration validity() {
        return validity;
    }

    /** A new code for the number, replacing any code it had. */
    synchronized String issue(String phone) {
        Instant now = clock.instant();
        forgetExpired(now);
        String code = String.format("%0" + DIGITS + "d", random.nextInt(1_000_000));
        pending.remove(phone);
        if (pending.size() >= maxPending) {
            pending.pollFirstEntry();
        }
        pending.putLast(phone, new Pending(digest(phone, code), now.plus(validity)));
        return code;
    }

    /**
     * Whether {@code code} is the number's live code; a right code is used up by this call, and a wrong one counts
     * as a try. Unknown, expired, used and burned codes all answer the same {@code false}.
     */
    synchronized boolean redeem(String phone, String code) {
        forgetExpired(clock.instant());
        Pending live = pending.get(phone);
        if (live == null) {
            return false;
        }
        if (MessageDigest.isEqual(live.digest, digest(phone, code == null ? "" : code))) {
            pending.remove(phone);
            return true;
        }
        live.wrongAttempts++;
        if (live.wrongAttempts >= maxAttempts) {
            pending.remove(phone);
        }
        return false;
    }

    synchronized void forget(String phone) {
        pending.remove(phone);
    }

    synchronized int pendingCount() {
        forgetExpired(clock.instant());
        return pending.size();
    }

    // The phone is part of the MAC, so one number's code digest is useless for another.
    private byte[] digest(String phone, String code) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(phone.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(code.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private void forgetExpired(Instant now) {
        Iterator<Map.Entry<String, Pending>> oldestFirst = pending.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            if (oldestFirst.next().getValue().expiresAt.isAfter(now)) {
                return;
            }
            oldestFirst.remove();
        }
    }

    private static final class Pending {

        private final byte[] digest;
        private final Instant expiresAt;
        private int wrongAttempts;

        Pending(byte[] digest, Instant expiresAt) {
            this.digest = digest;
            this.expiresAt = expiresAt;
        }
    }
}
