package dev.wareg.platform.messaging.jdbc;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The workers' wake-ups, one per worker, so that a notification wakes the one worker that sweeps the lane the
 * event went to ({@code shard % workers} of its subscriber) rather than every worker of every subscriber, each of
 * which would look for work in the database for nothing.
 */
final class Wakeups {

    private final Map<String, List<Wakeup>> bySubscriber = new ConcurrentHashMap<>();

    /** A new worker's wake-up; workers of a subscriber are added in the order of their index. */
    Wakeup add(String subscriber) {
        var wakeup = new Wakeup();
        bySubscriber.computeIfAbsent(subscriber, key -> new CopyOnWriteArrayList<>()).add(wakeup);
        return wakeup;
    }

    /** Wakes the worker of this subscriber that sweeps this lane; nobody when this process does not run it. */
    void lane(String subscriber, int shard) {
        List<Wakeup> workers = bySubscriber.get(subscriber);
        if (workers != null && !workers.isEmpty()) {
            workers.get(Math.floorMod(shard, workers.size())).signal();
        }
    }

    /** Wakes every worker: on (re)connecting, on stopping, and for a notification that names no lane. */
    void all() {
        bySubscriber.values().forEach(workers -> workers.forEach(Wakeup::signal));
    }

    void clear() {
        bySubscriber.clear();
    }
}
