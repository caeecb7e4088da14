package dev.wareg.bench.turns;

import java.util.List;
import java.util.Locale;

/**
 * One scripted person: which step they are at and, while they wait for the bot, since when. A turn ends when a
 * reply containing the step's expected text arrives; other replies on the way (a second message of the same turn,
 * a read-back) do not end it.
 */
final class Conversation {

    /** A turn that ended: how long the person waited, and whether they waited for a change to be applied. */
    record Answered(long latencyNanos, boolean applied, boolean last) {
    }

    private final long person;
    private final String phone;
    private final List<Scripts.Step> script;
    private int next;
    private long waitingSince = -1;

    Conversation(long person, String phone) {
        this.person = person;
        this.phone = phone;
        this.script = Scripts.forPerson(person);
    }

    String phone() {
        return phone;
    }

    /** The text of the next step, the person now waiting since {@code intendedNanos}. */
    synchronized String begin(long intendedNanos) {
        waitingSince = intendedNanos;
        return script.get(next).text(person);
    }

    /** The turn this reply ends, or null when the person was not waiting for it. */
    synchronized Answered replied(String text, long nowNanos) {
        if (waitingSince < 0 || text == null) {
            return null;
        }
        Scripts.Step step = script.get(next);
        if (!text.toLowerCase(Locale.ROOT).contains(step.expect().toLowerCase(Locale.ROOT))) {
            return null;
        }
        long latency = nowNanos - waitingSince;
        waitingSince = -1;
        next++;
        return new Answered(latency, step.applied(), next == script.size());
    }

    /** Whether the person has waited longer than {@code patienceNanos}; if so they give up. */
    synchronized boolean gaveUp(long nowNanos, long patienceNanos) {
        if (waitingSince >= 0 && nowNanos - waitingSince > patienceNanos) {
            waitingSince = -1;
            return true;
        }
        return false;
    }

    /** The step this person is at, for a report of where people gave up. */
    synchronized String step() {
        return next < script.size() ? script.get(next).say() : "(done)";
    }
}
