package dev.wareg.chat.intentmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlendCalibrationTests {

    @Test
    void theFittedProbabilityMatchesHowOftenCandidatesAreRight() {
        var random = new Random(1);
        var candidates = new ArrayList<double[]>();
        var right = new ArrayList<Boolean>();
        for (int i = 0; i < 20_000; i++) {
            // The truth: a candidate both read is right as often as they say; one only the model read, as often as
            // the model says.
            double p = 0.05 + 0.9 * random.nextDouble();
            boolean both = random.nextBoolean();
            candidates.add(BlendCalibration.features(both ? p : 0.5, p, both));
            right.add(random.nextDouble() < p);
        }

        BlendCalibration calibration = BlendCalibration.fit(candidates, right);

        assertThat(calibration.probability(BlendCalibration.features(0.9, 0.9, true))).isCloseTo(0.9, within(0.03));
        assertThat(calibration.probability(BlendCalibration.features(0.5, 0.2, false))).isCloseTo(0.2, within(0.03));
    }

    @Test
    void theFitIsDeterministic() {
        List<double[]> candidates = List.of(BlendCalibration.features(0.9, 0.8, true),
                BlendCalibration.features(0.02, 0.7, false), BlendCalibration.features(0.6, 0.1, false));
        List<Boolean> right = List.of(true, true, false);

        assertThat(BlendCalibration.fit(candidates, right)).isEqualTo(BlendCalibration.fit(candidates, right));
    }

    @Test
    void theCoefficientsAreWrittenAsPropertiesNamedAfterTheFeatures() throws IOException {
        var calibration = new BlendCalibration(new double[] {1.8, 1.0, 0.7, 0.123456789});
        var properties = new Properties();
        properties.load(new StringReader(calibration.toPropertiesText("test")));

        assertThat(properties.getProperty("agreement")).isEqualTo("0.123457");
        assertThat(BlendCalibration.fromProperties(properties).coefficients())
                .containsExactly(calibration.coefficients(), within(1e-6));
    }
}
