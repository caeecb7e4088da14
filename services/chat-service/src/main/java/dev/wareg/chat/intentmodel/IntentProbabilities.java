package dev.wareg.chat.intentmodel;

import dev.wareg.chat.interpretation.Intent;

/** The model's probability of every {@link Intent} for one message; they add up to 1. */
public final class IntentProbabilities {

    private final double[] byIntent;
    private final Intent top;

    /** @param byIntent the probabilities, indexed by {@link Intent#ordinal()} */
    IntentProbabilities(double[] byIntent) {
        this.byIntent = byIntent.clone();
        Intent best = Intent.values()[0];
        for (Intent intent : Intent.values()) {
            if (byIntent[intent.ordinal()] > byIntent[best.ordinal()]) {
                best = intent;
            }
        }
        this.top = best;
    }

    public double of(Intent intent) {
        return byIntent[intent.ordinal()];
    }

    /** The most likely intent (the first in declaration order on a tie). */
    public Intent top() {
        return top;
    }
}
