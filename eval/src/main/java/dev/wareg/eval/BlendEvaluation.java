package dev.wareg.eval;

import dev.wareg.chat.intentmodel.BlendCalibration;
import dev.wareg.chat.intentmodel.BlendedInterpreter;
import dev.wareg.chat.intentmodel.Corpus;
import dev.wareg.chat.intentmodel.IntentModel;
import dev.wareg.chat.intentmodel.IntentModelBuild;
import dev.wareg.chat.intentmodel.IntentProbabilities;
import dev.wareg.chat.interpretation.Interpretation;
import dev.wareg.chat.interpretation.Interpreter;
import dev.wareg.chat.interpretation.RulesInterpreter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules alone, the trained intent model alone and their blend (as the chat runs it) on a labelled JSONL corpus:
 * intent accuracy, expected calibration error of the confidence (10 equal-width bins), the share of utterances read
 * wrong with a confidence of 0.7 or more (those the chat acts on without asking the LLM), the share below 0.7, and
 * utterances per second on one thread. The model and the calibration are those the build shipped, unless
 * {@code --calibration} refits the calibration on another file, or {@code --cross-fit k} refits it on k-1 folds of the
 * scored file for each fold in turn (for a figure on the file the shipped calibration was fitted on).
 *
 * <pre>
 * BlendEvaluation &lt;scored.jsonl&gt; [--calibration &lt;file.jsonl&gt;] [--cross-fit &lt;k&gt;]
 * </pre>
 */
public final class BlendEvaluation {

    private static final int BINS = 10;
    private static final long TIMING_NANOS = 3_000_000_000L;
    private static volatile long consumed;

    private BlendEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        Path scored = null;
        Path calibrationFile = null;
        int folds = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--calibration" -> calibrationFile = Path.of(args[++i]);
                case "--cross-fit" -> folds = Integer.parseInt(args[++i]);
                default -> scored = Path.of(args[i]);
            }
        }
        if (scored == null) {
            System.err.println("usage: BlendEvaluation <scored.jsonl> [--calibration <file.jsonl>] [--cross-fit <k>]");
            System.exit(2);
        }
        List<Corpus.Line> corpus = Corpus.read(scored);
        var rules = new RulesInterpreter();
        IntentModel model = IntentModel.fromClasspath();
        BlendedInterpreter shipped = calibrationFile == null
                ? BlendedInterpreter.fromClasspath(rules)
                : new BlendedInterpreter(rules, model, IntentModelBuild.calibrate(rules, model, Corpus.read(calibrationFile)));
        Interpreter modelAlone = (text, asked) -> topOf(model.probabilities(text, asked));

        System.out.printf(Locale.ROOT, "Scored: %s (%d utterances)%s%n%n", scored, corpus.size(),
                calibrationFile == null ? "" : "; calibration fitted on " + calibrationFile);
        System.out.println("| reader | intent accuracy | ECE (10 bins) | wrong with confidence ≥ 0.7 | below 0.7 |"
                + " accuracy at ≥ 0.7 | utterances/s |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        print("rules", score(rules, corpus), throughput(rules, corpus));
        print("model", score(modelAlone, corpus), throughput(modelAlone, corpus));
        print("blend", score(shipped, corpus), throughput(shipped, corpus));
        if (folds > 1) {
            print("blend, calibration cross-fitted (" + folds + " folds)", crossFitted(rules, model, corpus, folds),
                    Double.NaN);
        }
    }

    private static Interpretation topOf(IntentProbabilities probabilities) {
        return new Interpretation(probabilities.top(), probabilities.of(probabilities.top()), Set.of(), Map.of(),
                Optional.empty(), Optional.empty(), false);
    }

    /** Each fold read by a blend whose calibration was fitted on the other folds (every k-th line is a fold). */
    private static Tally crossFitted(Interpreter rules, IntentModel model, List<Corpus.Line> corpus, int folds) {
        var tally = new Tally();
        for (int fold = 0; fold < folds; fold++) {
            var fit = new ArrayList<Corpus.Line>();
            var held = new ArrayList<Corpus.Line>();
            for (int i = 0; i < corpus.size(); i++) {
                (i % folds == fold ? held : fit).add(corpus.get(i));
            }
            BlendCalibration calibration = IntentModelBuild.calibrate(rules, model, fit);
            tally.add(score(new BlendedInterpreter(rules, model, calibration), held));
        }
        return tally;
    }

    static Tally score(Interpreter interpreter, List<Corpus.Line> corpus) {
        var tally = new Tally();
        for (Corpus.Line line : corpus) {
            Interpretation meaning = interpreter.interpret(line.text(), line.askedField());
            tally.count(meaning.intent() == line.intent(), meaning.confidence());
        }
        return tally;
    }

    private static void print(String reader, Tally tally, double perSecond) {
        System.out.printf(Locale.ROOT, "| %s | %.1f %% | %.3f | %.1f %% (%d) | %.1f %% | %.1f %% | %s |%n", reader,
                100 * tally.accuracy(), tally.expectedCalibrationError(), 100 * tally.wrongAndSure(),
                tally.wrongSure, 100 * tally.unsure(), 100 * tally.accuracyWhenSure(),
                Double.isNaN(perSecond) ? "" : String.format(Locale.ROOT, "%,.0f", perSecond));
    }

    private static double throughput(Interpreter interpreter, List<Corpus.Line> corpus) {
        long sink = 0;
        for (int round = 0; round < 5; round++) {
            for (Corpus.Line line : corpus) {
                sink += interpreter.interpret(line.text(), line.askedField()).intent().ordinal();
            }
        }
        long start = System.nanoTime();
        long interpreted = 0;
        while (System.nanoTime() - start < TIMING_NANOS) {
            for (Corpus.Line line : corpus) {
                sink += interpreter.interpret(line.text(), line.askedField()).intent().ordinal();
            }
            interpreted += corpus.size();
        }
        consumed = sink; // keeps the JIT from dropping the loop
        return interpreted / ((System.nanoTime() - start) / 1e9);
    }

    /** Counts of one reader on one corpus. */
    static final class Tally {

        int total;
        int right;
        int wrongSure;
        int sure;
        int rightSure;
        final int[] inBin = new int[BINS];
        final int[] rightInBin = new int[BINS];
        final double[] confidenceInBin = new double[BINS];

        void count(boolean correct, double confidence) {
            total++;
            int bin = Math.min(BINS - 1, (int) (confidence * BINS));
            inBin[bin]++;
            confidenceInBin[bin] += confidence;
            boolean isSure = confidence >= Interpretation.CONFIDENT;
            if (correct) {
                right++;
                rightInBin[bin]++;
            }
            if (isSure) {
                sure++;
                if (correct) {
                    rightSure++;
                } else {
                    wrongSure++;
                }
            }
        }

        void add(Tally other) {
            total += other.total;
            right += other.right;
            wrongSure += other.wrongSure;
            sure += other.sure;
            rightSure += other.rightSure;
            for (int bin = 0; bin < BINS; bin++) {
                inBin[bin] += other.inBin[bin];
                rightInBin[bin] += other.rightInBin[bin];
                confidenceInBin[bin] += other.confidenceInBin[bin];
            }
        }

        double accuracy() {
            return right / (double) total;
        }

        /** The mean, weighted by bin size, of |mean confidence - accuracy| in each bin. */
        double expectedCalibrationError() {
            double error = 0;
            for (int bin = 0; bin < BINS; bin++) {
                error += Math.abs(confidenceInBin[bin] - rightInBin[bin]);
            }
            return error / total;
        }

        double wrongAndSure() {
            return wrongSure / (double) total;
        }

        double unsure() {
            return (total - sure) / (double) total;
        }

        double accuracyWhenSure() {
            return sure == 0 ? Double.NaN : rightSure / (double) sure;
        }
    }
}
