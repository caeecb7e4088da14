package dev.wareg.bench.turns;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the load saw, counted from the end of the warm-up: turns sent, answered, given up on; and how long each
 * answered turn waited, in microseconds from the moment its message was due (not sent: a late send is the
 * system's delay too) to the arrival of the reply that ended it. Turns that wait for a change to be applied (the
 * worker's outcome) are kept apart from the conversation's own replies.
 */
final class Results {

    private static final long LONGEST_MICROS = TimeUnit.MINUTES.toMicros(2);

    private final Recorder replies = new Recorder(LONGEST_MICROS, 3);
    private final Recorder applied = new Recorder(LONGEST_MICROS, 3);
    private final Histogram allReplies = new Histogram(LONGEST_MICROS, 3);
    private final Histogram allApplied = new Histogram(LONGEST_MICROS, 3);
    private final LongAdder sent = new LongAdder();
    private final LongAdder sendFailures = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder otherReplies = new LongAdder();
    private final LongAdder strayReplies = new LongAdder();
    private final LongAdder finished = new LongAdder();
    private final Map<String, AtomicLong> gaveUpAt = new ConcurrentHashMap<>();
    private volatile boolean measuring;
    private long measuredSince;

    void startMeasuring() {
        replies.reset();
        applied.reset();
        sent.reset();
        sendFailures.reset();
        answered.reset();
        otherReplies.reset();
        strayReplies.reset();
        finished.reset();
        gaveUpAt.clear();
        measuredSince = System.nanoTime();
        measuring = true;
    }

    boolean measuring() {
        return measuring;
    }

    void sent() {
        sent.increment();
    }

    void sendFailed() {
        sendFailures.increment();
    }

    void answered(Conversation.Answered turn) {
        long micros = Math.min(TimeUnit.NANOSECONDS.toMicros(turn.latencyNanos()), LONGEST_MICROS);
        (turn.applied() ? applied : replies).recordValue(micros);
        answered.increment();
        if (turn.last()) {
            finished.increment();
        }
    }

    /** A reply to a person who waited for something else: a turn's second message, a late outcome. */
    void otherReply() {
        otherReplies.increment();
    }

    /** A reply to a number this load does not know: an earlier run's, or a mistake. */
    void strayReply() {
        strayReplies.increment();
    }

    void gaveUp(String step) {
        gaveUpAt.computeIfAbsent(step, key -> new AtomicLong()).incrementAndGet();
    }

    long sentCount() {
        return sent.sum();
    }

    long answeredCount() {
        return answered.sum();
    }

    long finishedCount() {
        return finished.sum();
    }

    long gaveUp() {
        return gaveUpAt.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** One line for the seconds since the last: the rates and the latencies of that interval. */
    String progress(double seconds, int waiting) {
        Histogram interval = replies.getIntervalHistogram();
        Histogram intervalApplied = applied.getIntervalHistogram();
        if (measuring) {
            allReplies.add(interval);
            allApplied.add(intervalApplied);
        }
        long turns = interval.getTotalCount() + intervalApplied.getTotalCount();
        return "%s answered %.0f/s, replies p50 %s p99 %s, applied p50 %s p99 %s, waiting %d, gave up %d".formatted(
                measuring ? "measuring" : "warming up", turns / seconds,
                millis(interval.getValueAtPercentile(50)), millis(interval.getValueAtPercentile(99)),
                millis(intervalApplied.getValueAtPercentile(50)), millis(intervalApplied.getValueAtPercentile(99)),
                waiting, gaveUp());
    }

    void report(PrintStream out, double rate, String label) {
        double seconds = (System.nanoTime() - measuredSince) / 1e9;
        out.printf("%n%s, %.0f turns/s offered, measured %.0f s%n", label, rate, seconds);
        out.printf("turns sent %d (%.0f/s), answered %d (%.0f/s), gave up %d, send failures %d, conversations finished"
                        + " %d, other replies %d, stray replies %d%n",
                sent.sum(), sent.sum() / seconds, answered.sum(), answered.sum() / seconds, gaveUp(),
                sendFailures.sum(), finished.sum(), otherReplies.sum(), strayReplies.sum());
        if (!gaveUpAt.isEmpty()) {
            out.println("gave up waiting after: " + gaveUpAt);
        }
        Histogram all = allReplies.copy();
        all.add(allApplied);
        out.println("| turns | count | p50 | p90 | p99 | p99.9 | max |");
        out.println("|---|---:|---:|---:|---:|---:|---:|");
        row(out, "conversation replies", allReplies);
        row(out, "confirmed -> applied and told", allApplied);
        row(out, "all", all);
        out.printf("summary offered=%.0f sent=%d answered=%d answered_per_s=%.0f gave_up=%d p50=%s p99=%s p999=%s"
                        + " max=%s%n", rate, sent.sum(), answered.sum(), answered.sum() / seconds, gaveUp(),
                millis(all.getValueAtPercentile(50)).replace(" ", ""),
                millis(all.getValueAtPercentile(99)).replace(" ", ""),
                millis(all.getValueAtPercentile(99.9)).replace(" ", ""), millis(all.getMaxValue()).replace(" ", ""));
    }

    /** The whole distribution of the conversation's replies, as HdrHistogram prints it (microseconds). */
    void distribution(PrintStream out) {
        Histogram all = allReplies.copy();
        all.add(allApplied);
        all.outputPercentileDistribution(out, 1.0);
    }

    private static void row(PrintStream out, String name, Histogram histogram) {
        out.printf("| %s | %d | %s | %s | %s | %s | %s |%n", name, histogram.getTotalCount(),
                millis(histogram.getValueAtPercentile(50)), millis(histogram.getValueAtPercentile(90)),
                millis(histogram.getValueAtPercentile(99)), millis(histogram.getValueAtPercentile(99.9)),
                millis(histogram.getMaxValue()));
    }

    private static String millis(long micros) {
        return micros >= 10_000 ? "%.0f ms".formatted(micros / 1000.0) : "%.1f ms".formatted(micros / 1000.0);
    }
}
