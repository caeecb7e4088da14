package dev.wareg.chat.intentmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.chat.interpretation.Intent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntentModelTrainerTests {

    static final List<Corpus.Line> TOY = List.of(
            new Corpus.Line("sim", null, Intent.AFFIRM),
            new Corpus.Line("sim, pode", null, Intent.AFFIRM),
            new Corpus.Line("yes please", null, Intent.AFFIRM),
            new Corpus.Line("não", null, Intent.DENY),
            new Corpus.Line("nao quero", null, Intent.DENY),
            new Corpus.Line("no", null, Intent.DENY),
            new Corpus.Line("quero mudar meu email", null, Intent.UPDATE),
            new Corpus.Line("atualizar meu endereço", null, Intent.UPDATE),
            new Corpus.Line("change my phone", null, Intent.UPDATE),
            new Corpus.Line("Maria da Silva", "name", Intent.PROVIDE_VALUE),
            new Corpus.Line("ana@exemplo.com", "email", Intent.PROVIDE_VALUE),
            new Corpus.Line("01310-100", "postalCode", Intent.PROVIDE_VALUE));

    private final IntentModelTrainer trainer = new IntentModelTrainer(new IntentModelTrainer.Settings(30, 1, 1e-5, 1, 7));

    @Test
    void theSameCorpusGivesTheSameModelByteForByte() throws IOException {
        assertThat(bytes(trainer.train(TOY))).isEqualTo(bytes(trainer.train(TOY)));
    }

    @Test
    void anotherSeedGivesAnotherModel() throws IOException {
        var otherSeed = new IntentModelTrainer(new IntentModelTrainer.Settings(30, 1, 1e-5, 1, 8));
        assertThat(bytes(otherSeed.train(TOY))).isNotEqualTo(bytes(trainer.train(TOY)));
    }

    @Test
    void itLearnsWhatItWasShown() {
        IntentModel model = trainer.train(TOY);
        for (Corpus.Line line : TOY) {
            assertThat(model.probabilities(line.text(), line.askedField()).top()).as(line.text()).isEqualTo(line.intent());
        }
        assertThat(model.probabilities("quero mudar meu telefone", null).top()).isEqualTo(Intent.UPDATE);
        assertThat(model.probabilities("João Souza", "name").top()).isEqualTo(Intent.PROVIDE_VALUE);
    }

    @Test
    void aWrittenModelReadsBackTheSame() throws IOException {
        IntentModel model = trainer.train(TOY);
        IntentModel read = IntentModel.read(new ByteArrayInputStream(bytes(model)));
        for (String text : List.of("sim", "quero mudar", "nada a ver", "")) {
            for (Intent intent : Intent.values()) {
                assertThat(read.probabilities(text, null).of(intent))
                        .isEqualTo(model.probabilities(text, null).of(intent));
            }
        }
    }

    static byte[] bytes(IntentModel model) throws IOException {
        var out = new ByteArrayOutputStream();
        model.write(out);
        return out.toByteArray();
    }
}
