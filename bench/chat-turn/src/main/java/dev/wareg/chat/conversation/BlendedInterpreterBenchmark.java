package dev.wareg.chat.conversation;

import dev.wareg.chat.intentmodel.BlendedInterpreter;
import dev.wareg.chat.intentmodel.IntentModel;
import dev.wareg.chat.intentmodel.IntentProbabilities;
import dev.wareg.chat.interpretation.Interpretation;
import dev.wareg.chat.interpretation.RulesInterpreter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The chat's interpreter as it runs without a local LLM: the rules and the trained intent model read each message and
 * their calibrated blend decides ({@link BlendedInterpreter}). The same mix as {@link InterpreterBenchmark}, whose
 * figure for the rules alone it is to be read beside.
 */
@State(Scope.Thread)
public class BlendedInterpreterBenchmark {

    private final BlendedInterpreter interpreter = BlendedInterpreter.fromClasspath(new RulesInterpreter());
    private final IntentModel model = IntentModel.fromClasspath();
    private int next;

    /** Utterances per second on one thread. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Interpretation throughput() {
        String[] utterance = InterpreterBenchmark.UTTERANCES[next];
        next = (next + 1) % InterpreterBenchmark.UTTERANCES.length;
        return interpreter.interpret(utterance[0], utterance[1]);
    }

    /** The model's share of that: its probabilities alone, utterances per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public IntentProbabilities modelAlone() {
        String[] utterance = InterpreterBenchmark.UTTERANCES[next];
        next = (next + 1) % InterpreterBenchmark.UTTERANCES.length;
        return model.probabilities(utterance[0], utterance[1]);
    }
}
