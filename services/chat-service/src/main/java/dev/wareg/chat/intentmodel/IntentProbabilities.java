package dev.wareg.chat.intentmodel;

import dev.wareg.chat.interpretation.Intent;

/** The model's probability of every {@link Intent} for one message; they add up to 1. */
public final class IntentProbabilities {

    private final double[] byIntent;
    private final Intent top;
    private final double second;

    /** @param byIntent the probabilities, indexed by {@link Intent#ordinal()} */
    IntentProbabilities(double[] byIntent) {
        this.byIntent = byIntent.clone();
        Intent best = Intent.values()[0];
        double secondBest = 0;
        for (Intent intent : Intent.values()) {
            double p = byIntent[intent.ordinal()];
            if (p > byIntent[best.ordinal()]) {
                secondBest = byIntent[best.ordinal()];
                best = intent;
            } else if (intent != best && p > secondBest) {
                secondBest = p;
            }
        }
        this.top = best;
        this.second = secondBest;
    }

    public double of(Intent intent) {
        return byIntent[intent.ordinal()];
    }

    /** The most likely intent (the first in declaration order on a tie). */
    public Intent top() {
        return top;
    }

    /** How far the most likely intent is ahead of the next one. */
    public double margin() {
        return byIntent[top.ordinal()] - second;
    }
}
