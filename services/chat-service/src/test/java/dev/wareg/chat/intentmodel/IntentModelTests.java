package dev.wareg.chat.intentmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.wareg.chat.interpretation.Intent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The model the build trained and shipped (target/classes), as the service loads it. */
class IntentModelTests {

    private static final IntentModel SHIPPED = IntentModel.fromClasspath();

    @Test
    void theBuildShipsAModelTrainedOnTheCorpus() {
        assertThat(SHIPPED.features()).isGreaterThan(1000);
        assertThat(BlendCalibration.fromClasspath().coefficients()).hasSize(BlendCalibration.FEATURES.size());
    }

    @Test
    void itReadsPlainRequestsInBothLanguages() {
        assertThat(SHIPPED.probabilities("quero mudar meu e-mail", null).top()).isEqualTo(Intent.UPDATE);
        assertThat(SHIPPED.probabilities("I want to change my address", null).top()).isEqualTo(Intent.UPDATE);
        assertThat(SHIPPED.probabilities("falar com atendente", null).top()).isEqualTo(Intent.HUMAN);
        assertThat(SHIPPED.probabilities("Maria da Silva", "name").top()).isEqualTo(Intent.PROVIDE_VALUE);
    }

    @Test
    void probabilitiesAddUpToOne() {
        IntentProbabilities probabilities = SHIPPED.probabilities("oi, tudo bem?", null);
        double sum = 0;
        for (Intent intent : Intent.values()) {
            sum += probabilities.of(intent);
        }
        assertThat(sum).isCloseTo(1, within(1e-9));
    }

    @Test
    void aFileThatIsNoModelIsRefused() {
        assertThatThrownBy(() -> IntentModel.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5})))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aModelOfAnIntentTheCodeDoesNotKnowIsRefused() throws IOException {
        var bytes = new ByteArrayOutputStream();
        var data = new DataOutputStream(bytes);
        data.writeInt(0x5749_4d31);
        data.writeInt(1);
        data.writeUTF("ORDER_PIZZA");
        assertThatThrownBy(() -> IntentModel.read(new ByteArrayInputStream(bytes.toByteArray())))
                .hasMessageContaining("ORDER_PIZZA");
    }
}
