package dev.wareg.chat.intentmodel;

import dev.wareg.chat.interpretation.Intent;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A multinomial logistic regression over {@link Features}: one weight per (feature, intent) and a bias per intent;
 * the probabilities are the softmax of the scores. Features never seen in training are ignored. Reading one message
 * costs a few hundred look-ups and multiply-adds per intent, a few microseconds. Immutable and thread-safe.
 * <p>
 * Built by {@link IntentModelTrainer} during the build and shipped in the jar as {@value #RESOURCE}.
 */
public final class IntentModel {

    /** Where the build puts the trained model, on the classpath. */
    public static final String RESOURCE = "dev/wareg/chat/intentmodel/intent-model.bin";

    private static final int MAGIC = 0x5749_4d31; // "WIM1"

    private final Intent[] intents;
    private final FeatureIndex index;
    private final float[] bias;
    /** Row-major: the weights of feature {@code j} are {@code weights[j * intents.length ..]}. */
    private final float[] weights;

    IntentModel(Intent[] intents, long[] keys, float[] bias, float[] weights) {
        if (bias.length != intents.length || weights.length != keys.length * intents.length) {
            throw new IllegalArgumentException("weights do not fit " + intents.length + " intents and "
                    + keys.length + " features");
        }
        this.intents = intents.clone();
        this.index = new FeatureIndex(keys);
        this.bias = bias.clone();
        this.weights = weights.clone();
    }

    /** The model the build trained, from the classpath; fails when the build did not make one. */
    public static IntentModel fromClasspath() {
        InputStream in = IntentModel.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("No intent model on the classpath at " + RESOURCE
                    + ": the build trains it in the process-classes phase (exec-maven-plugin, IntentModelTrainer)");
        }
        try (in) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the intent model " + RESOURCE, e);
        }
    }

    /** The probability of every intent for this message, read while {@code askedField} (or null) was asked. */
    public IntentProbabilities probabilities(String text, String askedField) {
        return probabilities(Features.of(text, askedField));
    }

    IntentProbabilities probabilities(Features.Vector features) {
        double[] scores = scores(features);
        double[] byIntent = new double[Intent.values().length];
        for (int k = 0; k < intents.length; k++) {
            byIntent[intents[k].ordinal()] = scores[k];
        }
        return new IntentProbabilities(byIntent);
    }

    /** Softmax probabilities in the model's own order of intents. */
    double[] scores(Features.Vector features) {
        int classes = intents.length;
        double[] scores = new double[classes];
        for (int k = 0; k < classes; k++) {
            scores[k] = bias[k];
        }
        long[] keys = features.keys();
        float[] values = features.values();
        for (int i = 0; i < keys.length; i++) {
            int row = index.indexOf(keys[i]);
            if (row < 0) {
                continue;
            }
            int offset = row * classes;
            float value = values[i];
            for (int k = 0; k < classes; k++) {
                scores[k] += value * weights[offset + k];
            }
        }
        return softmax(scores);
    }

    /**
     * In place. {@link StrictMath#exp} rather than {@link Math#exp}: the JIT may replace the latter by an intrinsic
     * that differs in the last bit, and training must give the same weights wherever it runs.
     */
    static double[] softmax(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            max = Math.max(max, score);
        }
        double sum = 0;
        for (int k = 0; k < scores.length; k++) {
            scores[k] = StrictMath.exp(scores[k] - max);
            sum += scores[k];
        }
        for (int k = 0; k < scores.length; k++) {
            scores[k] /= sum;
        }
        return scores;
    }

    int features() {
        return index.size();
    }

    void write(OutputStream out) throws IOException {
        var data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(intents.length);
        for (Intent intent : intents) {
            data.writeUTF(intent.name());
        }
        long[] keys = index.keys();
        data.writeInt(keys.length);
        for (long key : keys) {
            data.writeLong(key);
        }
        for (float b : bias) {
            data.writeFloat(b);
        }
        for (float w : weights) {
            data.writeFloat(w);
        }
        data.flush();
    }

    static IntentModel read(InputStream in) throws IOException {
        var data = new DataInputStream(new BufferedInputStream(in, 1 << 16));
        if (data.readInt() != MAGIC) {
            throw new IOException("Not an intent model file");
        }
        Intent[] intents = new Intent[data.readInt()];
        for (int k = 0; k < intents.length; k++) {
            String name = data.readUTF();
            try {
                intents[k] = Intent.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new IOException("The intent model knows an intent the code does not: " + name, e);
            }
        }
        long[] keys = new long[data.readInt()];
        for (int j = 0; j < keys.length; j++) {
            keys[j] = data.readLong();
        }
        float[] bias = new float[intents.length];
        for (int k = 0; k < bias.length; k++) {
            bias[k] = data.readFloat();
        }
        float[] weights = new float[keys.length * intents.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = data.readFloat();
        }
        return new IntentModel(intents, keys, bias, weights);
    }

    /**
     * Feature key to row, by open addressing over a power-of-two table at most half full. Each slot's key and row sit
     * side by side in one array, so a look-up reads one cache line, not one in each of two arrays.
     */
    private static final class FeatureIndex {

        private static final long EMPTY = -1;

        private final long[] keys;
        /** Slot {@code s}: its key at {@code 2s}, its row at {@code 2s + 1} ({@value #EMPTY} when free). */
        private final long[] table;
        private final int mask;

        FeatureIndex(long[] keys) {
            this.keys = keys.clone();
            int capacity = Integer.highestOneBit(Math.max(2, keys.length) * 2 - 1) << 1;
            this.table = new long[capacity * 2];
            this.mask = capacity - 1;
            for (int slot = 0; slot < capacity; slot++) {
                table[2 * slot + 1] = EMPTY;
            }
            for (int row = 0; row < keys.length; row++) {
                int slot = slot(keys[row]);
                while (table[2 * slot + 1] != EMPTY) {
                    if (table[2 * slot] == keys[row]) {
                        throw new IllegalArgumentException("duplicate feature key");
                    }
                    slot = (slot + 1) & mask;
                }
                table[2 * slot] = keys[row];
                table[2 * slot + 1] = row;
            }
        }

        int indexOf(long key) {
            int slot = slot(key);
            for (long row = table[2 * slot + 1]; row != EMPTY; row = table[2 * slot + 1]) {
                if (table[2 * slot] == key) {
                    return (int) row;
                }
                slot = (slot + 1) & mask;
            }
            return -1;
        }

        int size() {
            return keys.length;
        }

        long[] keys() {
            return keys.clone();
        }

        private int slot(long key) {
            return (int) (key ^ (key >>> 32)) & mask;
        }
    }
}
