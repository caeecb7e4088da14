package dev.wareg.eval;

import dev.wareg.chat.interpretation.Interpretation;
import dev.wareg.chat.interpretation.Interpreter;
import dev.wareg.chat.interpretation.RulesInterpreter;
import dev.wareg.fields.Field;
import dev.wareg.fields.RegistrationFields;
import dev.wareg.fields.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores the rules interpreter on a labelled JSONL corpus and, optionally, nlp.js trained on a training split, and
 * prints (or writes) a Markdown report: intent accuracy, per-intent precision/recall/F1, the confusion matrix,
 * value-extraction F1, the share of turns below the confidence threshold (those that would consult the LLM),
 * a calibration table and utterances per second.
 *
 * <pre>
 * InterpreterEvaluation &lt;scored.jsonl&gt; [--train &lt;train.jsonl&gt;] [--nlpjs] [--report &lt;file.md&gt;]
 * </pre>
 */
public final class InterpreterEvaluation {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMING = Duration.ofSeconds(3);
    private static volatile long consumed;

    private InterpreterEvaluation() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path scored = null;
        Path train = null;
        Path report = null;
        boolean nlpjs = false;
        boolean mistakes = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--train" -> train = Path.of(args[++i]);
                case "--report" -> report = Path.of(args[++i]);
                case "--nlpjs" -> nlpjs = true;
                case "--mistakes" -> mistakes = true;
                default -> scored = Path.of(args[i]);
            }
        }
        if (scored == null || (nlpjs && train == null)) {
            System.err.println("usage: InterpreterEvaluation <scored.jsonl> [--train <train.jsonl>] [--nlpjs]"
                    + " [--report <file.md>] [--mistakes]");
            System.exit(2);
        }
        List<LabelledUtterance> corpus = read(scored);
        var rules = new RulesInterpreter();
        Scores scores = score(rules, corpus);
        if (mistakes) {
            printMistakes(rules, corpus);
            return;
        }
        double perSecond = throughput(rules, corpus);
        Optional<NlpJsBaseline.Result> baseline = nlpjs
                ? Optional.of(NlpJsBaseline.run(train, scored)) : Optional.empty();
        String markdown = new EvaluationReport(scored, train, corpus, scores, perSecond, baseline).markdown();
        if (report != null) {
            Files.writeString(report, markdown);
            System.out.println("Wrote " + report);
        }
        System.out.println(markdown);
    }

    static List<LabelledUtterance> read(Path file) throws IOException {
        var utterances = new ArrayList<LabelledUtterance>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                utterances.add(JSON.readValue(line, LabelledUtterance.class));
            }
        }
        return utterances;
    }

    /** Every utterance read wrong, for whoever tunes the rules (on the training split, not the scored one). */
    private static void printMistakes(Interpreter interpreter, List<LabelledUtterance> corpus) {
        for (LabelledUtterance utterance : corpus) {
            Interpretation meaning = interpreter.interpret(utterance.text(), utterance.asked());
            String predicted = meaning.intent().name().toLowerCase(Locale.ROOT);
            Set<String> expected = normalised(utterance.values());
            Set<String> found = normalised(valuesTaken(utterance, meaning));
            if (!predicted.equals(utterance.intent()) || !expected.equals(found)) {
                System.out.printf(Locale.ROOT, "%-14s <- %-14s %s | %s%n    values %s, found %s%n", predicted,
                        utterance.intent(), utterance.text(), utterance.asked(), expected, found);
            }
        }
    }

    static Scores score(Interpreter interpreter, List<LabelledUtterance> corpus) {
        var scores = new Scores();
        for (LabelledUtterance utterance : corpus) {
            Interpretation meaning = interpreter.interpret(utterance.text(), utterance.asked());
            String predicted = meaning.intent().name().toLowerCase(Locale.ROOT);
            scores.count(utterance.intent(), predicted, meaning.confidence(),
                    meaning.confidence() < Interpretation.CONFIDENT);
            Set<String> expected = normalised(utterance.values());
            Set<String> found = normalised(valuesTaken(utterance, meaning));
            for (String value : found) {
                if (expected.contains(value)) {
                    scores.valueTruePositives++;
                } else {
                    scores.valueFalsePositives++;
                }
            }
            scores.valueFalseNegatives += (int) expected.stream().filter(value -> !found.contains(value)).count();
        }
        return scores;
    }

    /**
     * The values the conversation would take from this reading: those spotted, and for an answer to the asked
     * field without a spotted value for it, the whole text (as the form loop does).
     */
    private static Map<String, String> valuesTaken(LabelledUtterance utterance, Interpretation meaning) {
        var values = new HashMap<>(meaning.values());
        if (utterance.asked() != null && meaning.intent().name().equals("PROVIDE_VALUE")
                && !values.containsKey(utterance.asked())) {
            values.put(utterance.asked(), utterance.text().strip());
        }
        return values;
    }

    /** {@code field=value} with the value as the field's validator normalises it, so formatting does not count. */
    private static Set<String> normalised(Map<String, String> values) {
        var pairs = new HashSet<String>();
        values.forEach((name, raw) -> pairs.add(name + "=" + normalise(name, raw)));
        return pairs;
    }

    private static String normalise(String name, String raw) {
        Optional<Field> field = name.equals("phone") ? Optional.of(RegistrationFields.PHONE)
                : name.equals("birthDate") ? Optional.of(RegistrationFields.birthDate(Clock.systemUTC()))
                : RegistrationFields.byName(name);
        if (field.isPresent() && field.get().validate(raw) instanceof Validation.Valid(String value)) {
            return value;
        }
        return raw.strip().toLowerCase(Locale.ROOT);
    }

    /** Utterances per second on one thread, over a few seconds after a warm-up. */
    private static double throughput(Interpreter interpreter, List<LabelledUtterance> corpus) {
        long sink = 0;
        for (int round = 0; round < 3; round++) {
            for (LabelledUtterance utterance : corpus) {
                sink += interpreter.interpret(utterance.text(), utterance.asked()).targetFields().size();
            }
        }
        long start = System.nanoTime();
        long interpreted = 0;
        while (System.nanoTime() - start < TIMING.toNanos()) {
            for (LabelledUtterance utterance : corpus) {
                sink += interpreter.interpret(utterance.text(), utterance.asked()).targetFields().size();
            }
            interpreted += corpus.size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        consumed = sink; // keeps the JIT from dropping the loop
        return interpreted / seconds;
    }

    static String today() {
        return LocalDate.now().toString();
    }
}
