package dev.wareg.eval;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Counts of a classification run: intents (with a confusion matrix), values, confidence buckets. */
final class Scores {

    /** Upper bounds (exclusive, but 1.0 inclusive) of the confidence buckets of the calibration table. */
    static final double[] BUCKETS = {0.5, 0.7, 0.85, 0.95, 1.0001};

    final Map<String, Map<String, Integer>> confusion = new TreeMap<>();
    int total;
    int correct;
    int valueTruePositives;
    int valueFalsePositives;
    int valueFalseNegatives;
    int unsure;
    final int[] bucketTotal = new int[BUCKETS.length];
    final int[] bucketCorrect = new int[BUCKETS.length];

    void count(String expected, String predicted, double confidence, boolean belowThreshold) {
        total++;
        if (expected.equals(predicted)) {
            correct++;
        }
        confusion.computeIfAbsent(expected, key -> new TreeMap<>()).merge(predicted, 1, Integer::sum);
        if (belowThreshold) {
            unsure++;
        }
        for (int i = 0; i < BUCKETS.length; i++) {
            if (confidence < BUCKETS[i]) {
                bucketTotal[i]++;
                if (expected.equals(predicted)) {
                    bucketCorrect[i]++;
                }
                break;
            }
        }
    }

    double accuracy() {
        return ratio(correct, total);
    }

    double valueF1() {
        return f1(ratio(valueTruePositives, valueTruePositives + valueFalsePositives),
                ratio(valueTruePositives, valueTruePositives + valueFalseNegatives));
    }

    static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    double unsureShare() {
        return ratio(unsure, total);
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
