package dev.wareg.eval;

import dev.wareg.chat.intentmodel.BlendedInterpreter;
import dev.wareg.chat.interpretation.CanonicalValues;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores the chat's interpreter on labelled JSONL splits and, optionally, nlp.js trained on the training split, and
 * prints (or writes) a Markdown report: for each split apart, intent accuracy, per-intent precision/recall, the
 * confusion matrix, value precision/recall/F1 per field, the expected calibration error, the share read wrong
 * above the confidence threshold, and utterances per second.
 *
 * <pre>
 * InterpreterEvaluation [--split name=file.jsonl]... [--nlpjs] [--report file.md] [--mistakes name] [--rules-only]
 * </pre>
 *
 * Without {@code --split}, the corpus's splits that exist: train, dev, the hand-written ones, calibration and test. {@code --mistakes}
 * lists what a split gets wrong, for whoever tunes the rules; it refuses the held-out test split. {@code --rules-only}
 * scores the rules without the intent model, to see which of the two reads a line wrong.
 */
public final class InterpreterEvaluation {

    static final Path CORPUS = Path.of("eval/corpus");
    /** The hand-written split nobody tunes on: see eval/corpus/README.md. */
    static final String HELD_OUT = "test";
    /** The hand-written split the blend's confidence is fitted on, which the rules must not be tuned on either. */
    static final String CALIBRATION = "calibration";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMING = Duration.ofSeconds(3);
    private static volatile long consumed;

    private InterpreterEvaluation() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, Path> splits = new LinkedHashMap<>();
        Path report = null;
        boolean nlpjs = false;
        String mistakes = null;
        boolean rulesOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--split" -> {
                    String[] split = args[++i].split("=", 2);
                    splits.put(split[0], Path.of(split[1]));
                }
                case "--report" -> report = Path.of(args[++i]);
                case "--nlpjs" -> nlpjs = true;
                case "--mistakes" -> mistakes = args[++i];
                case "--rules-only" -> rulesOnly = true;
                default -> {
                    System.err.println("usage: InterpreterEvaluation [--split name=file.jsonl]... [--nlpjs]"
                            + " [--report file.md] [--mistakes name] [--rules-only]");
                    System.exit(2);
                }
            }
        }
        if (splits.isEmpty()) {
            for (String name : List.of("train", "dev", "handwritten-dev", "handwritten-dev-2", "handwritten-dev-3",
                    "handwritten-dev-4", "handwritten-dev-5", "handwritten-dev-6", "handwritten-dev-7", "handwritten-dev-8",
                    "handwritten-dev-9", "handwritten-dev-10", "handwritten-dev-11", "handwritten-dev-12",
                    "handwritten-dev-13", "handwritten-dev-14", "handwritten-dev-15", "handwritten-dev-16",
                    "handwritten-dev-17", "handwritten-dev-18", "handwritten-dev-19",
                    "handwritten-dev-20",
                    CALIBRATION, HELD_OUT)) {
                Path file = CORPUS.resolve(name + ".jsonl");
                if (Files.exists(file)) {
                    splits.put(name, file);
                }
            }
        }
        Interpreter interpreter = rulesOnly ? new RulesInterpreter() : interpreter();
        if (mistakes != null) {
            if (mistakes.equals(HELD_OUT) || mistakes.equals(CALIBRATION)) {
                System.err.println("The " + mistakes + " split is not tuned on: its mistakes are not listed"
                        + " (eval/corpus/README.md).");
                System.exit(2);
            }
            printMistakes(interpreter, read(splits.get(mistakes)));
            return;
        }
        List<EvaluationReport.Split> scored = new ArrayList<>();
        List<LabelledUtterance> everything = new ArrayList<>();
        for (Map.Entry<String, Path> split : splits.entrySet()) {
            List<LabelledUtterance> corpus = read(split.getValue());
            everything.addAll(corpus);
            Optional<NlpJsBaseline.Result> baseline = nlpjs && splits.containsKey("train")
                    && !split.getKey().equals("train")
                    ? Optional.of(NlpJsBaseline.run(splits.get("train"), split.getValue())) : Optional.empty();
            scored.add(new EvaluationReport.Split(split.getKey(), split.getValue(), corpus,
                    score(interpreter, corpus), baseline));
        }
        String markdown = new EvaluationReport(scored, throughput(interpreter, everything)).markdown();
        if (report != null) {
            Files.writeString(report, markdown);
            System.out.println("Wrote " + report);
        }
        System.out.println(markdown);
    }

    /**
     * The interpreter the chat uses, without the local model (Ollama), which is not part of what is scored: the rules
     * blended with the intent model and calibration the build shipped.
     */
    static Interpreter interpreter() {
        return BlendedInterpreter.fromClasspath(new RulesInterpreter());
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

    /** Every utterance read wrong, for whoever tunes the rules (never on the held-out split). */
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
            scores.countValues(normalised(utterance.values()), normalised(valuesTaken(utterance, meaning)));
        }
        return scores;
    }

    /**
     * The values the conversation would store from this reading, as the form loop takes them: those spotted that
     * their field accepts, and for an answer to the asked field with no value spotted at all, the whole text if
     * the field accepts it. A value the field refuses is not stored (the bot says why and asks again), and with
     * values for other fields spotted, those go to their fields and the asked one is asked again.
     */
    private static Map<String, String> valuesTaken(LabelledUtterance utterance, Interpretation meaning) {
        var values = new HashMap<String, String>();
        meaning.values().forEach((name, raw) -> {
            if (accepts(name, raw)) {
                values.put(name, raw);
            }
        });
        String whole = utterance.text().strip();
        if (utterance.asked() != null && meaning.intent().name().equals("PROVIDE_VALUE")
                && meaning.values().isEmpty() && accepts(utterance.asked(), whole)) {
            values.put(utterance.asked(), whole);
        }
        return values;
    }

    private static boolean accepts(String name, String raw) {
        return field(name).map(field -> field.validate(raw) instanceof Validation.Valid).orElse(true);
    }

    private static Optional<Field> field(String name) {
        return name.equals("phone") ? Optional.of(RegistrationFields.PHONE)
                : name.equals("birthDate") ? Optional.of(RegistrationFields.birthDate(Clock.systemUTC()))
                : RegistrationFields.byName(name);
    }

    /** {@code field=value} with the value as the field's validator normalises it, so formatting does not count. */
    private static Set<String> normalised(Map<String, String> values) {
        var pairs = new HashSet<String>();
        values.forEach((name, raw) -> pairs.add(name + "=" + normalise(name, raw)));
        return pairs;
    }

    private static String normalise(String name, String raw) {
        // As the chat stores it, on both sides: "Av. Paulista" is "Avenida Paulista", "Floripa" Florianópolis.
        String written = CanonicalValues.canonical(name, raw);
        Optional<Field> field = field(name);
        if (field.isPresent() && field.get().validate(written) instanceof Validation.Valid(String value)) {
            return value.toLowerCase(Locale.ROOT);
        }
        return written.toLowerCase(Locale.ROOT);
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
