package dev.wareg.platform.defaults;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * UUID version 7 (RFC 9562 section 5.7): 48 bits of Unix milliseconds, then random bits. Ids sort by creation
 * time, which keeps database indexes and logs in order.
 */
public final class TimeOrderedIds implements IdGenerator {

    private final Clock clock;

    public TimeOrderedIds(Clock clock) {
        this.clock = clock;
    }

    @Override
    public UUID next() {
        var random = ThreadLocalRandom.current();
        long millis = clock.millis();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
