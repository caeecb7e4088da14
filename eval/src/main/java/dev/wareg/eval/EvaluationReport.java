package dev.wareg.eval;

import dev.wareg.chat.interpretation.Interpretation;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The evaluation as Markdown: what was scored, how to run it again, and every figure, split by split. */
final class EvaluationReport {

    /** One scored split. */
    record Split(String name, Path file, List<LabelledUtterance> corpus, Scores scores,
            Optional<NlpJsBaseline.Result> baseline) {
    }

    private final List<Split> splits;
    private final double perSecond;

    EvaluationReport(List<Split> splits, double perSecond) {
        this.splits = splits;
        this.perSecond = perSecond;
    }

    String markdown() {
        var out = new StringBuilder();
        out.append("# Evaluation results\n\n");
        out.append("""
                Written by `InterpreterEvaluation` (see [evaluation.md](evaluation.md) for what the splits are, how the
                test split is kept unseen, and the targets). Again:

                ```sh
                ./mvnw -q -pl eval -am install -DskipTests
                ./mvnw -q -pl eval exec:java -Dexec.args="--report docs/evaluation-results.md"
                ```

                Values are what the conversation would store, compared after the field's own normalisation (a CEP
                written `01310-100` equals `01310100`, a date `17/05/1990` equals `1990-05-17`, "Av. Paulista" equals
                "Avenida Paulista"): a value its field refuses is not stored; for an answer to the asked field with no
                value spotted, the whole text is the value if the field takes it. "Consult" is the share below the confidence
                threshold """).append(String.format(Locale.ROOT, "(%.2f), where the local model would be asked; "
                + "\"wrong ≥ threshold\" is the share read wrong with a confidence at or above it.%n%n",
                Interpretation.CONFIDENT));

        out.append(String.format(Locale.ROOT, "## Summary (%s)%n%n", InterpreterEvaluation.today()));
        out.append("| split | utterances | intent accuracy | lowest intent recall | value P | value R | value F1 "
                + "| ECE | wrong ≥ threshold | consult |\n|---|---:|---:|---|---:|---:|---:|---:|---:|---:|\n");
        for (Split split : splits) {
            Scores scores = split.scores();
            double[] values = scores.valueScores(null);
            Map.Entry<String, Double> lowest = scores.lowestRecall();
            out.append(String.format(Locale.ROOT, "| %s | %d | %s | %.2f (%s) | %.3f | %.3f | %.3f | %.3f | %s | %s |%n",
                    split.name(), split.corpus().size(), percent(scores.accuracy()), lowest.getValue(),
                    lowest.getKey(), values[0], values[1], values[2], scores.expectedCalibrationError(),
                    percent(scores.wrongAboveThresholdShare()), percent(scores.unsureShare())));
        }
        out.append(String.format(Locale.ROOT, "%nUtterances per second, one thread, after warm-up, every split: "
                + "%,.0f.%n%n", perSecond));
        splits.stream().filter(split -> split.baseline().isPresent()).findFirst().ifPresent(first -> {
            out.append("nlp.js, trained on the training split, on the same utterances:\n\n");
            out.append("| split | nlp.js intent accuracy | interpreter |\n|---|---:|---:|\n");
            for (Split split : splits) {
                split.baseline().ifPresent(nlp -> out.append(String.format(Locale.ROOT, "| %s | %s | %s |%n",
                        split.name(), percent(nlp.accuracy()), percent(split.scores().accuracy()))));
            }
            out.append('\n');
        });
        for (Split split : splits) {
            out.append(details(split));
        }
        return out.toString();
    }

    private static String details(Split split) {
        Scores scores = split.scores();
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "## %s%n%n`%s`: %d utterances (%d pt-BR, %d English).%n%n",
                split.name(), split.file(), split.corpus().size(),
                split.corpus().stream().filter(u -> u.lang().startsWith("pt")).count(),
                split.corpus().stream().filter(u -> u.lang().startsWith("en")).count()));
        out.append("| intent | support | precision | recall | F1 |\n|---|---:|---:|---:|---:|\n");
        for (String label : scores.labels()) {
            double precision = scores.precision(label);
            double recall = scores.recall(label);
            out.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f |%n", label,
                    scores.truePositives(label) + scores.falseNegatives(label), precision, recall,
                    Scores.f1(precision, recall)));
        }
        out.append("\n| field | expected | precision | recall | F1 |\n|---|---:|---:|---:|---:|\n");
        for (String field : scores.values.keySet()) {
            double[] values = scores.valueScores(field);
            out.append(String.format(Locale.ROOT, "| %s | %.0f | %.3f | %.3f | %.3f |%n", field, values[3], values[0],
                    values[1], values[2]));
        }
        out.append("\nConfusion matrix (rows: expected, columns: predicted)\n\n");
        List<String> labels = List.copyOf(scores.labels());
        out.append("| |");
        labels.forEach(label -> out.append(' ').append(abbreviation(label)).append(" |"));
        out.append("\n|---|");
        labels.forEach(label -> out.append("---:|"));
        out.append('\n');
        for (String expected : labels) {
            out.append("| ").append(expected).append(" |");
            for (String predicted : labels) {
                int cell = scores.cell(expected, predicted);
                out.append(' ').append(cell == 0 ? "" : String.valueOf(cell)).append(" |");
            }
            out.append('\n');
        }
        out.append("\nColumns: ");
        labels.forEach(label -> out.append('`').append(abbreviation(label)).append("` ").append(label).append("; "));
        out.append("\n\n| confidence | utterances | intent right |\n|---|---:|---:|\n");
        double lower = 0;
        for (int i = 0; i < Scores.BUCKETS.length; i++) {
            double upper = Math.min(1, Scores.BUCKETS[i]);
            out.append(String.format(Locale.ROOT, "| %.2f – %.2f | %d | %s |%n", lower, upper, scores.bucketTotal[i],
                    scores.bucketTotal[i] == 0 ? "–"
                            : percent(Scores.ratio(scores.bucketCorrect[i], scores.bucketTotal[i]))));
            lower = upper;
        }
        out.append('\n').append(mistakes(scores)).append('\n');
        return out.toString();
    }

    /** The most frequent confusions, so a reader knows where the interpreter falls short. */
    private static String mistakes(Scores scores) {
        Map<String, Integer> confusions = new TreeMap<>();
        for (String expected : scores.labels()) {
            for (String predicted : scores.labels()) {
                if (!expected.equals(predicted) && scores.cell(expected, predicted) > 0) {
                    confusions.put(expected + " → " + predicted, scores.cell(expected, predicted));
                }
            }
        }
        var out = new StringBuilder("Most frequent confusions: ");
        confusions.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
                .forEach(entry -> out.append(entry.getKey()).append(" (").append(entry.getValue()).append("); "));
        if (confusions.isEmpty()) {
            out.append("none.");
        }
        return out.append('\n').toString();
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * ratio);
    }

    /** A short column heading: the initials of the intent's words ({@code show_my_data} -> {@code smd}). */
    private static String abbreviation(String label) {
        var initials = new StringBuilder();
        for (String word : label.split("_")) {
            initials.append(word.charAt(0));
        }
        return initials.length() == 1 ? label.substring(0, Math.min(3, label.length())) : initials.toString();
    }
}
