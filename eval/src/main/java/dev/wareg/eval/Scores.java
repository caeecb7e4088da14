package dev.wareg.eval;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts of a classification run: intents (with a confusion matrix), values by field, and how the confidence
 * matches the rate of right answers.
 */
final class Scores {

    /** Upper bounds (exclusive, but 1.0 inclusive) of the confidence buckets of the calibration table. */
    static final double[] BUCKETS = {0.5, 0.7, 0.85, 0.95, 1.0001};
    /** Equal-width bins of the expected calibration error. */
    private static final int ECE_BINS = 10;

    final Map<String, Map<String, Integer>> confusion = new TreeMap<>();
    /** By field: true positives, false positives, false negatives. */
    final Map<String, int[]> values = new TreeMap<>();
    int total;
    int correct;
    int unsure;
    int wrongAboveThreshold;
    final int[] bucketTotal = new int[BUCKETS.length];
    final int[] bucketCorrect = new int[BUCKETS.length];
    private final int[] binTotal = new int[ECE_BINS];
    private final int[] binCorrect = new int[ECE_BINS];
    private final double[] binConfidence = new double[ECE_BINS];

    void count(String expected, String predicted, double confidence, boolean belowThreshold) {
        total++;
        boolean right = expected.equals(predicted);
        if (right) {
            correct++;
        }
        confusion.computeIfAbsent(expected, key -> new TreeMap<>()).merge(predicted, 1, Integer::sum);
        if (belowThreshold) {
            unsure++;
        } else if (!right) {
            wrongAboveThreshold++;
        }
        for (int i = 0; i < BUCKETS.length; i++) {
            if (confidence < BUCKETS[i]) {
                bucketTotal[i]++;
                if (right) {
                    bucketCorrect[i]++;
                }
                break;
            }
        }
        int bin = Math.min(ECE_BINS - 1, (int) (confidence * ECE_BINS));
        binTotal[bin]++;
        binConfidence[bin] += confidence;
        if (right) {
            binCorrect[bin]++;
        }
    }

    /** Compares the values expected and found, each as {@code field=value}. */
    void countValues(Set<String> expected, Set<String> found) {
        for (String value : found) {
            values.computeIfAbsent(field(value), key -> new int[3])[expected.contains(value) ? 0 : 1]++;
        }
        for (String value : expected) {
            if (!found.contains(value)) {
                values.computeIfAbsent(field(value), key -> new int[3])[2]++;
            }
        }
    }

    private static String field(String pair) {
        return pair.substring(0, pair.indexOf('='));
    }

    double accuracy() {
        return ratio(correct, total);
    }

    /** Precision, recall and F1 over every field ({@code null}) or one. */
    double[] valueScores(String field) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Map.Entry<String, int[]> counts : values.entrySet()) {
            if (field == null || field.equals(counts.getKey())) {
                tp += counts.getValue()[0];
                fp += counts.getValue()[1];
                fn += counts.getValue()[2];
            }
        }
        double precision = ratio(tp, tp + fp);
        double recall = ratio(tp, tp + fn);
        return new double[] {precision, recall, f1(precision, recall), tp + fn};
    }

    double valueF1() {
        return valueScores(null)[2];
    }

    /** Expected calibration error: the gap between confidence and accuracy, averaged over bins by their size. */
    double expectedCalibrationError() {
        double error = 0;
        for (int bin = 0; bin < ECE_BINS; bin++) {
            if (binTotal[bin] > 0) {
                error += Math.abs(binCorrect[bin] - binConfidence[bin]) / total;
            }
        }
        return error;
    }

    static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    double unsureShare() {
        return ratio(unsure, total);
    }

    /** Utterances read wrong with a confidence at or above the threshold: the ones nobody double-checks. */
    double wrongAboveThresholdShare() {
        return ratio(wrongAboveThreshold, total);
    }

    /** The lowest recall of any expected intent, with that intent. */
    Map.Entry<String, Double> lowestRecall() {
        Map.Entry<String, Double> lowest = Map.entry("", 1.0);
        for (String label : confusion.keySet()) {
            double recall = recall(label);
            if (recall < lowest.getValue()) {
                lowest = Map.entry(label, recall);
            }
        }
        return lowest;
    }

    double precision(String label) {
        return ratio(truePositives(label), truePositives(label) + falsePositives(label));
    }

    double recall(String label) {
        return ratio(truePositives(label), truePositives(label) + falseNegatives(label));
    }

    /** Every intent seen, expected or predicted. */
    TreeSet<String> labels() {
        var labels = new TreeSet<String>(confusion.keySet());
        confusion.values().forEach(row -> labels.addAll(row.keySet()));
        return labels;
    }

    int cell(String expected, String predicted) {
        return confusion.getOrDefault(expected, Map.of()).getOrDefault(predicted, 0);
    }

    int truePositives(String label) {
        return cell(label, label);
    }

    int falsePositives(String label) {
        return confusion.entrySet().stream().filter(row -> !row.getKey().equals(label))
                .mapToInt(row -> row.getValue().getOrDefault(label, 0)).sum();
    }

    int falseNegatives(String label) {
        return confusion.getOrDefault(label, Map.of()).entrySet().stream()
                .filter(cell -> !cell.getKey().equals(label)).mapToInt(Map.Entry::getValue).sum();
    }

    static double ratio(double part, double whole) {
        return whole == 0 ? 0 : part / whole;
    }
}
