package dev.wareg.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Members remembered for a while, in this process only: what "already seen" stores keep when nothing needs to
 * survive a restart. A member is forgotten once {@code retention} has passed since it was added; the expired ones
 * are dropped as new ones come, from the oldest, so adding costs the same however many are kept.
 */
public final class ExpiringSet<T> {

    /** In the order they were added, so the expired ones are always at the head. */
    private final LinkedHashMap<T, Instant> addedAt = new LinkedHashMap<>();
    private final Duration retention;
    private final Clock clock;

    public ExpiringSet(Duration retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    public synchronized boolean contains(T member) {
        Instant added = addedAt.get(member);
        return added != null && clock.instant().isBefore(added.plus(retention));
    }

    /** Adding a member already there keeps its first time, so a repeat does not extend its stay. */
    public synchronized void add(T member) {
        Instant now = clock.instant();
        Instant horizon = now.minus(retention);
        for (Iterator<Map.Entry<T, Instant>> oldest = addedAt.entrySet().iterator(); oldest.hasNext(); ) {
            if (oldest.next().getValue().isAfter(horizon)) {
                break;
            }
            oldest.remove();
        }
        addedAt.putIfAbsent(member, now);
    }
}
