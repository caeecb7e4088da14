package dev.wareg.bench.turns;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The arrivals: one turn every {@code 1/rate} seconds, whatever the replies do, so a slow reply cannot slow the
 * load down and hide its own delay (an open model). Each arrival is the next message of a person who has had their
 * reply and thought for a while, or the first message of a new person (a new phone number) when nobody is ready:
 * the number of people talking at once grows with the latency, as on WhatsApp.
 */
final class OpenLoop implements GraphReceiver.Replies {

    private final Channel channel;
    private final Results results;
    private final Duration think;
    private final Duration patience;
    private final PrintStream out;
    private final Map<String, Conversation> byDigits = new ConcurrentHashMap<>();
    private final Map<Conversation, Boolean> waiting = new ConcurrentHashMap<>();
    private final Queue<Ready> ready = new ConcurrentLinkedQueue<>();
    private final AtomicLong people = new AtomicLong();
    private final long firstPhone = 900_000_000L + ThreadLocalRandom.current().nextLong(50_000_000L);

    private record Ready(Conversation conversation, long atNanos) {
    }

    OpenLoop(Channel channel, Results results, Duration think, Duration patience, PrintStream out) {
        this.channel = channel;
        this.results = results;
        this.think = think;
        this.patience = patience;
        this.out = out;
    }

    /** Offers {@code rate} turns a second for the warm-up, then the measured time; then waits for the last replies. */
    void run(double rate, Duration warmup, Duration measured) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measured.toNanos();
        var progress = Thread.ofPlatform().daemon().name("progress").start(() -> report(end + patience.toNanos()));
        for (long turn = 0; ; turn++) {
            long due = start + (long) (turn * 1e9 / rate);
            if (due >= end) {
                break;
            }
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            if (!results.measuring() && due >= measureFrom) {
                results.startMeasuring();
            }
            arrive(due);
        }
        long drainUntil = System.nanoTime() + patience.toNanos();
        while (!waiting.isEmpty() && System.nanoTime() < drainUntil) {
            Thread.sleep(100);
            giveUpOnTheLongWaits();
        }
        progress.interrupt();
        progress.join();
    }

    private void arrive(long due) {
        Ready next = ready.peek();
        Conversation person;
        if (next != null && next.atNanos() <= due && ready.remove(next)) {
            person = next.conversation();
        } else {
            long id = people.incrementAndGet();
            person = new Conversation(id, "+5511" + (firstPhone + id));
            byDigits.put(person.phone().substring(1), person);
        }
        String text = person.begin(due);
        waiting.put(person, Boolean.TRUE);
        results.sent();
        channel.send(person.phone(), text).whenComplete((taken, failure) -> {
            if (failure != null) {
                results.sendFailed();
                forget(person);
            }
        });
    }

    @Override
    public void replied(String toDigits, String text, long nanos) {
        Conversation person = byDigits.get(toDigits);
        if (person == null) {
            results.strayReply();
            return;
        }
        Conversation.Answered turn = person.replied(text, nanos);
        if (turn == null) {
            results.otherReply();
            return;
        }
        waiting.remove(person);
        results.answered(turn);
        if (turn.last()) {
            byDigits.remove(toDigits);
        } else {
            ready.add(new Ready(person, nanos + think.toNanos()));
        }
    }

    private void report(long until) {
        long last = System.nanoTime();
        while (System.nanoTime() < until) {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                break;
            }
            giveUpOnTheLongWaits();
            long now = System.nanoTime();
            out.println(results.progress((now - last) / 1e9, waiting.size()));
            last = now;
        }
        results.progress((System.nanoTime() - last) / 1e9, waiting.size());
    }

    private void giveUpOnTheLongWaits() {
        long now = System.nanoTime();
        for (Conversation person : waiting.keySet()) {
            String step = person.step();
            if (person.gaveUp(now, patience.toNanos())) {
                results.gaveUp(step);
                forget(person);
            }
        }
    }

    private void forget(Conversation person) {
        waiting.remove(person);
        byDigits.remove(person.phone().substring(1));
    }
}
