package dev.wareg.eval;

import dev.wareg.chat.intentmodel.Corpus;
import dev.wareg.chat.intentmodel.IntentModel;
import dev.wareg.chat.intentmodel.IntentModelTrainer;
import dev.wareg.chat.interpretation.Intent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * How much of the intent model's accuracy on the generated corpus is memory of its templates: the model is trained
 * and scored in k folds twice, once with lines dealt out at random (a scored line's template was seen in training,
 * only its choices, values and style are new) and once with whole template families dealt out (every scored line
 * comes from a template the model never saw). The gap between the two is the number the dev split cannot give.
 *
 * <pre>
 * FamilyHoldOut [generated.jsonl ...]   (default: eval/corpus/train.jsonl eval/corpus/dev.jsonl)
 * </pre>
 */
public final class FamilyHoldOut {

    private static final int FOLDS = 5;
    private static final long SEED = 20241207L;

    private FamilyHoldOut() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            files.add(Path.of(arg));
        }
        if (files.isEmpty()) {
            files = List.of(InterpreterEvaluation.CORPUS.resolve("train.jsonl"),
                    InterpreterEvaluation.CORPUS.resolve("dev.jsonl"));
        }
        List<LabelledUtterance> corpus = new ArrayList<>();
        for (Path file : files) {
            corpus.addAll(InterpreterEvaluation.read(file));
        }
        long families = corpus.stream().map(FamilyHoldOut::family).distinct().count();
        Map<LabelledUtterance, Integer> position = new IdentityHashMap<>();
        corpus.forEach(line -> position.put(line, position.size()));
        double seen = crossValidate(corpus, line -> String.valueOf(position.get(line)));
        double unseen = crossValidate(corpus, FamilyHoldOut::family);
        System.out.printf(Locale.ROOT, "%d lines, %d template families, %d folds%n", corpus.size(), families, FOLDS);
        System.out.printf(Locale.ROOT, "seen templates (lines dealt at random):    %.1f %%%n", 100 * seen);
        System.out.printf(Locale.ROOT, "unseen templates (families dealt whole):   %.1f %%%n", 100 * unseen);
        System.out.printf(Locale.ROOT, "gap:                                       %.1f points%n", 100 * (seen - unseen));
    }

    /** A generated line's template; each hand-written line of the generator is a family of its own. */
    private static String family(LabelledUtterance line) {
        return line.family() == null || line.family().equals("hand") ? "hand:" + line.text() : line.family();
    }

    /** Intent accuracy of the model over k folds, each group of lines (by {@code group}) kept in one fold. */
    private static double crossValidate(List<LabelledUtterance> corpus, Function<LabelledUtterance, String> group) {
        List<String> groups = new ArrayList<>(corpus.stream().map(group).distinct().sorted().toList());
        Collections.shuffle(groups, new Random(SEED));
        Map<String, Integer> foldOf = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            foldOf.put(groups.get(i), i % FOLDS);
        }
        int right = 0;
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Corpus.Line> training = new ArrayList<>();
            List<LabelledUtterance> scored = new ArrayList<>();
            for (LabelledUtterance line : corpus) {
                if (foldOf.get(group.apply(line)) == fold) {
                    scored.add(line);
                } else {
                    training.add(new Corpus.Line(line.text(), line.asked(),
                            Intent.valueOf(line.intent().toUpperCase(Locale.ROOT))));
                }
            }
            IntentModel model = IntentModelTrainer.trainAsTheBuildDoes(training);
            for (LabelledUtterance line : scored) {
                Intent predicted = model.probabilities(line.text(), line.asked()).top();
                if (predicted.name().equalsIgnoreCase(line.intent())) {
                    right++;
                }
            }
        }
        return (double) right / corpus.size();
    }
}
