package dev.wareg.chat.conversation;

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
 * {@link RulesInterpreter} alone, on a mix of what people write: short answers, requests with typos and slang,
 * values in free text, long run-ons, English. One utterance per operation, cycling through the mix.
 */
@State(Scope.Thread)
public class InterpreterBenchmark {

    static final String[][] UTTERANCES = {
            {"sim", null}, {"não", null}, {"👍", null}, {"oi, bom dia", null}, {"quero atualizar meu email", null},
            {"quero atualisar meu emial pfv", null}, {"vc pode mudar meu endereco?", null},
            {"meu email é ana.souza@exemplo.com.br e meu cep 01310-100", null},
            {"Maria Aparecida da Silva", "name"}, {"ana@exemplo.com", "email"}, {"01310100", "postalCode"},
            {"na verdade o email é maria@novo.com.br", null}, {"falar com atendente", null},
            {"oi tudo bem entao eu queria ver se da pra trocar o meu endereco que eu mudei semana passada pra outro bairro", null},
            {"I want to change my address please", null}, {"show my data", null}, {"cancelar", null},
            {"qual a previsão do tempo amanhã?", null}, {"529.982.247-25", "cpf"}, {"17/05/1990", "birthDate"}};

    private final RulesInterpreter interpreter = new RulesInterpreter();
    private int next;

    /** Utterances per second on one thread. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Interpretation throughput() {
        return interpretNext();
    }

    /** How long one utterance takes, sampled, in microseconds. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Interpretation latency() {
        return interpretNext();
    }

    private Interpretation interpretNext() {
        String[] utterance = UTTERANCES[next];
        next = (next + 1) % UTTERANCES.length;
        return interpreter.interpret(utterance[0], utterance[1]);
    }
}
