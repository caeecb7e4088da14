package dev.wareg.chat.intentmodel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The probability that a candidate intent is right, from what the rules and the model say of it: a logistic
 * regression over a handful of features of the candidate (see {@link #features}). Fitted by Newton's method on a
 * set the classifier was not trained on (the build uses {@code eval/corpus/dev.jsonl}), so that its output means
 * what it says: of the readings given 0.8, about 80 % are right.
 *
 * @param coefficients one per feature, in the order of {@link #FEATURES}
 */
public record BlendCalibration(double[] coefficients) {

    /** Where the build puts the fitted coefficients, on the classpath. */
    public static final String RESOURCE = "dev/wareg/chat/intentmodel/blend-calibration.properties";

    /** The names of the features, in the order of the coefficients. */
    static final List<String> FEATURES = List.of("bias", "rules-logit", "model-logit", "agreement");

    private static final double LOGIT_LIMIT = 8;
    /** A small ridge keeps the fit finite when a feature separates the set perfectly. */
    private static final double RIDGE = 1e-2;

    public BlendCalibration {
        if (coefficients.length != FEATURES.size()) {
            throw new IllegalArgumentException("expected " + FEATURES.size() + " coefficients");
        }
        coefficients = coefficients.clone();
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /**
     * The features of one candidate intent: a log-linear pooling of the two readers' probabilities of it, and
     * whether both read it. Each reader can only make a candidate likelier by being surer of it, so a candidate
     * neither is sure of never comes out sure (a fit on few unsure readings cannot learn otherwise).
     *
     * @param rulesProbability the rules' probability of the candidate: their confidence if it is their intent,
     *                         otherwise what is left of it, shared among the other intents
     * @param modelProbability the model's probability of the candidate
     * @param agreement        the candidate is both the rules' intent and the model's most likely one
     */
    static double[] features(double rulesProbability, double modelProbability, boolean agreement) {
        return new double[] {1, logit(rulesProbability), logit(modelProbability), agreement ? 1 : 0};
    }

    double probability(double[] features) {
        double z = 0;
        for (int i = 0; i < features.length; i++) {
            z += coefficients[i] * features[i];
        }
        return 1 / (1 + StrictMath.exp(-z));
    }

    /** Fits the coefficients to candidates and whether each was the right intent (deterministic). */
    static BlendCalibration fit(List<double[]> candidates, List<Boolean> right) {
        int d = FEATURES.size();
        double[] beta = new double[d];
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int i = 0; i < candidates.size(); i++) {
                double[] x = candidates.get(i);
                double p = new BlendCalibration(beta).probability(x);
                double residual = p - (right.get(i) ? 1 : 0);
                double weight = Math.max(p * (1 - p), 1e-9);
                for (int a = 0; a < d; a++) {
                    gradient[a] += residual * x[a];
                    for (int b = 0; b < d; b++) {
                        hessian[a][b] += weight * x[a] * x[b];
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                gradient[a] += RIDGE * beta[a];
                hessian[a][a] += RIDGE;
            }
            double[] step = solve(hessian, gradient);
            double largest = 0;
            for (int a = 0; a < d; a++) {
                beta[a] -= step[a];
                largest = Math.max(largest, Math.abs(step[a]));
            }
            if (largest < 1e-10) {
                break;
            }
        }
        return new BlendCalibration(beta);
    }

    static BlendCalibration fromClasspath() {
        InputStream in = BlendCalibration.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("No blend calibration on the classpath at " + RESOURCE
                    + ": the build fits it in the process-classes phase (exec-maven-plugin, IntentModelBuild)");
        }
        try (in) {
            var properties = new Properties();
            properties.load(in);
            return fromProperties(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the blend calibration " + RESOURCE, e);
        }
    }

    static BlendCalibration fromProperties(Properties properties) {
        double[] coefficients = new double[FEATURES.size()];
        for (int i = 0; i < coefficients.length; i++) {
            String value = properties.getProperty(FEATURES.get(i));
            if (value == null) {
                throw new IllegalStateException("The blend calibration lacks the coefficient " + FEATURES.get(i));
            }
            coefficients[i] = Double.parseDouble(value);
        }
        return new BlendCalibration(coefficients);
    }

    /** The coefficients as {@code name=value} lines, in a fixed order (so the file is the same for the same fit). */
    String toPropertiesText(String comment) {
        var text = new StringBuilder("# ").append(comment).append('\n');
        for (int i = 0; i < coefficients.length; i++) {
            text.append(FEATURES.get(i)).append('=').append(String.format(Locale.ROOT, "%.6f", coefficients[i]))
                    .append('\n');
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BlendCalibration that && Arrays.equals(coefficients, that.coefficients);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coefficients);
    }

    @Override
    public String toString() {
        return toPropertiesText("BlendCalibration").replace('\n', ' ').trim();
    }

    private static double logit(double p) {
        double clipped = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
        return Math.max(-LOGIT_LIMIT, Math.min(LOGIT_LIMIT, StrictMath.log(clipped / (1 - clipped))));
    }

    /** Gaussian elimination with partial pivoting; the matrix is small and positive definite. */
    private static double[] solve(double[][] matrix, double[] vector) {
        int n = vector.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = Arrays.copyOf(matrix[i], n + 1);
            a[i][n] = vector[i];
        }
        for (int column = 0; column < n; column++) {
            int pivot = column;
            for (int row = column + 1; row < n; row++) {
                if (Math.abs(a[row][column]) > Math.abs(a[pivot][column])) {
                    pivot = row;
                }
            }
            double[] swap = a[column];
            a[column] = a[pivot];
            a[pivot] = swap;
            for (int row = column + 1; row < n; row++) {
                double factor = a[row][column] / a[column][column];
                for (int k = column; k <= n; k++) {
                    a[row][k] -= factor * a[column][k];
                }
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = a[row][n];
            for (int k = row + 1; k < n; k++) {
                sum -= a[row][k] * x[k];
            }
            x[row] = sum / a[row][row];
        }
        return x;
    }
}
