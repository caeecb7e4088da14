package dev.wareg.chat.intentmodel;

import dev.wareg.chat.interpretation.Intent;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Fits an {@link IntentModel} by stochastic gradient descent on the cross-entropy with an L2 penalty (Bottou's
 * schedule: the step shrinks as {@code 1 / (1 + eta0 * lambda * t)}; the penalty is applied as one scale factor, so
 * each step touches only the message's own features). The order of the messages is shuffled every epoch by a
 * seeded generator and nothing runs in parallel, so the same corpus gives the same weights, bit for bit.
 */
public final class IntentModelTrainer {

    /** The settings the build uses: chosen by 5-fold cross-validation on the training split (docs/evaluation.md). */
    /**
     * @param minMessages a feature is kept only if at least this many training messages have it: a character
     *                    5-gram seen once teaches little, and every feature kept costs a row of weights to look up
     */
    record Settings(int epochs, double eta0, double lambda, int minMessages, long seed) {

        static final Settings DEFAULT = new Settings(60, 2, 1e-6, 2, 20240517L);
    }

    private final Settings settings;

    IntentModelTrainer(Settings settings) {
        this.settings = settings;
    }

    /** A model as the build trains it, on other lines: for evaluations that hold some of the corpus out. */
    public static IntentModel trainAsTheBuildDoes(List<Corpus.Line> corpus) {
        return new IntentModelTrainer(Settings.DEFAULT).train(corpus);
    }

    IntentModel train(List<Corpus.Line> corpus) {
        Intent[] intents = Intent.values();
        int classes = intents.length;
        Features.Vector[] vectors = new Features.Vector[corpus.size()];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = Features.of(corpus.get(i).text(), corpus.get(i).askedField());
        }
        long[] keys = vocabulary(vectors, settings.minMessages());
        int[][] rows = new int[vectors.length][];
        float[][] kept = new float[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            int[] row = new int[vectors[i].size()];
            float[] values = new float[row.length];
            int n = 0;
            for (int f = 0; f < row.length; f++) {
                int found = Arrays.binarySearch(keys, vectors[i].keys()[f]);
                if (found >= 0) {
                    row[n] = found;
                    values[n++] = vectors[i].values()[f];
                }
            }
            rows[i] = Arrays.copyOf(row, n);
            kept[i] = Arrays.copyOf(values, n);
        }

        double[] weights = new double[keys.length * classes];
        double[] bias = new double[classes];
        double scale = 1;
        double[] scores = new double[classes];
        int[] order = new int[vectors.length];
        Arrays.setAll(order, i -> i);
        Random random = new Random(settings.seed());
        long t = 0;
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, random);
            for (int i : order) {
                double eta = settings.eta0() / (1 + settings.eta0() * settings.lambda() * t++);
                float[] values = kept[i];
                int[] row = rows[i];
                System.arraycopy(bias, 0, scores, 0, classes);
                for (int f = 0; f < row.length; f++) {
                    int offset = row[f] * classes;
                    for (int k = 0; k < classes; k++) {
                        scores[k] += scale * values[f] * weights[offset + k];
                    }
                }
                IntentModel.softmax(scores);
                scores[corpus.get(i).intent().ordinal()] -= 1; // now the gradient of the loss by the scores
                scale *= 1 - eta * settings.lambda();
                for (int f = 0; f < row.length; f++) {
                    int offset = row[f] * classes;
                    double step = eta * values[f] / scale;
                    for (int k = 0; k < classes; k++) {
                        weights[offset + k] -= step * scores[k];
                    }
                }
                for (int k = 0; k < classes; k++) {
                    bias[k] -= eta * scores[k];
                }
                if (scale < 1e-6) {
                    for (int w = 0; w < weights.length; w++) {
                        weights[w] *= scale;
                    }
                    scale = 1;
                }
            }
        }
        float[] finalWeights = new float[weights.length];
        for (int w = 0; w < weights.length; w++) {
            finalWeights[w] = (float) (weights[w] * scale);
        }
        float[] finalBias = new float[classes];
        for (int k = 0; k < classes; k++) {
            finalBias[k] = (float) bias[k];
        }
        return new IntentModel(intents, keys, finalBias, finalWeights);
    }

    /** The feature keys of at least {@code minMessages} training messages, once, in ascending order. */
    private static long[] vocabulary(Features.Vector[] vectors, int minMessages) {
        long[] all = Arrays.stream(vectors).flatMapToLong(v -> Arrays.stream(v.keys())).sorted().toArray();
        long[] kept = new long[all.length];
        int n = 0;
        for (int start = 0, end; start < all.length; start = end) {
            end = start;
            while (end < all.length && all[end] == all[start]) {
                end++;
            }
            if (end - start >= minMessages) {
                kept[n++] = all[start];
            }
        }
        return Arrays.copyOf(kept, n);
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
