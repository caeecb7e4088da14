package dev.wareg.chat.intentmodel;

import dev.wareg.chat.interpretation.Interpretation;
import dev.wareg.chat.interpretation.Interpreter;
import dev.wareg.chat.interpretation.RulesInterpreter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The build step (exec-maven-plugin, {@code process-classes}): trains the {@link IntentModel} on the training split,
 * then fits the {@link BlendCalibration} of the rules and that model on a split the model was not trained on, and
 * writes both under the given classes directory, so they ship in the jar.
 *
 * <pre>
 * IntentModelBuild &lt;train.jsonl[,more.jsonl…]&gt; &lt;calibration.jsonl&gt; &lt;classes directory&gt;
 * </pre>
 * Several training files, separated by commas, are read as one set; none may be the calibration set.
 */
public final class IntentModelBuild {

    private IntentModelBuild() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: IntentModelBuild <train.jsonl[,more.jsonl...]> <calibration.jsonl>"
                    + " <classes directory>");
            System.exit(2);
        }
        List<Path> trainFiles = Arrays.stream(args[0].split(",")).map(name -> Path.of(name.strip())).toList();
        Path calibrationFile = Path.of(args[1]);
        if (trainFiles.stream().anyMatch(file -> sameFile(file, calibrationFile))) {
            // Probabilities on the lines a model was trained on are overconfident: the blend would trust it too much.
            System.err.println("The calibration set must not be a training set");
            System.exit(2);
        }
        long started = System.nanoTime();
        var train = new ArrayList<Corpus.Line>();
        for (Path file : trainFiles) {
            train.addAll(Corpus.read(file));
        }
        List<Corpus.Line> calibrationSet = Corpus.read(calibrationFile);
        Path classes = Path.of(args[2]);

        IntentModel model = new IntentModelTrainer(IntentModelTrainer.Settings.DEFAULT).train(train);
        Path modelFile = classes.resolve(IntentModel.RESOURCE);
        Files.createDirectories(modelFile.getParent());
        try (OutputStream out = Files.newOutputStream(modelFile)) {
            model.write(out);
        }

        BlendCalibration calibration = calibrate(rules(), model, calibrationSet);
        Files.writeString(classes.resolve(BlendCalibration.RESOURCE), calibration.toPropertiesText(
                "Fitted by IntentModelBuild on " + calibrationFile.getFileName() + " (" + calibrationSet.size()
                        + " lines); the model was trained on " + trainFiles.stream().map(Path::getFileName)
                        .map(Path::toString).collect(Collectors.joining(", ")) + " (" + train.size() + " lines)"));
        System.out.printf(Locale.ROOT, "Intent model: %d features, %d training lines; blend calibrated on %d lines;"
                + " %.1f s%n", model.features(), train.size(), calibrationSet.size(),
                (System.nanoTime() - started) / 1e9);
    }

    private static boolean sameFile(Path one, Path other) {
        return one.toAbsolutePath().normalize().equals(other.toAbsolutePath().normalize());
    }

    /** The rules the chat runs, which the calibration must describe. */
    static Interpreter rules() {
        return new RulesInterpreter();
    }

    /** Every candidate the blend would weigh on each line, and whether it was the right intent. */
    public static BlendCalibration calibrate(Interpreter rules, IntentModel model, List<Corpus.Line> lines) {
        var candidates = new ArrayList<double[]>();
        var right = new ArrayList<Boolean>();
        for (Corpus.Line line : lines) {
            Interpretation ruled = rules.interpret(line.text(), line.askedField());
            IntentProbabilities modelled = model.probabilities(line.text(), line.askedField());
            candidates.add(BlendedInterpreter.candidate(ruled, modelled, ruled.intent()));
            right.add(ruled.intent() == line.intent());
            if (modelled.top() != ruled.intent()) {
                candidates.add(BlendedInterpreter.candidate(ruled, modelled, modelled.top()));
                right.add(modelled.top() == line.intent());
            }
        }
        return BlendCalibration.fit(candidates, right);
    }
}
