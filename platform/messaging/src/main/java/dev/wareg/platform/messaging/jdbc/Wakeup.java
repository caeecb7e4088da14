package dev.wareg.platform.messaging.jdbc;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Wakes waiting workers. A worker notes the {@link #generation()} before it looks for work and waits only while
 * it has not changed, so a signal that comes while it is looking is not lost.
 */
final class Wakeup {

    private long generation;

    synchronized long generation() {
        return generation;
    }

    synchronized void signal() {
        generation++;
        notifyAll();
    }

    synchronized void await(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); generation == seen && left > 0; left = deadline - System.nanoTime()) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
