package dev.wareg.chat.interpretation;

import dev.wareg.fields.RegistrationFields;
import dev.wareg.fields.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A measuring tool rather than a test: scores the rules on a labelled corpus (the JSONL of
 * {@code eval/corpus/README.md}) and prints intent accuracy, recall per intent and value precision, recall and F1.
 * Values are compared in canonical form (a corpus whose values are as written is canonicalised first), free text
 * without case and accents. Run with {@code -Dtest=CorpusScoresTests -Dcorpus=eval/corpus/dev.jsonl}
 * (paths relative to the repository root); {@code -Dcorpus.misses=true} also prints what the rules got wrong.
 */
@EnabledIfSystemProperty(named = "corpus", matches = ".+")
class CorpusScoresTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void scoresTheRulesOnACorpus() throws IOException {
        Path corpus = Path.of(System.getProperty("corpus"));
        if (!corpus.isAbsolute() && !Files.exists(corpus)) {
            corpus = Path.of("../..").resolve(corpus);
        }
        boolean misses = Boolean.getBoolean("corpus.misses");
        RulesInterpreter interpreter = new RulesInterpreter();
        int lines = 0;
        int rightIntents = 0;
        Map<String, int[]> perIntent = new TreeMap<>();
        int truePositives = 0;
        int predicted = 0;
        int expected = 0;
        StringBuilder report = new StringBuilder();
        for (String line : Files.readAllLines(corpus)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode item = JSON.readTree(line);
            String text = item.get("text").asString();
            String asked = item.has("asked") && !item.get("asked").isNull() ? item.get("asked").asString() : null;
            String intent = item.get("intent").asString();
            Interpretation meaning = interpreter.interpret(text, asked);
            lines++;
            String got = meaning.intent().name().toLowerCase(Locale.ROOT);
            int[] counts = perIntent.computeIfAbsent(intent, key -> new int[2]);
            counts[1]++;
            if (got.equals(intent)) {
                rightIntents++;
                counts[0]++;
            }
            Map<String, String> want = new HashMap<>();
            item.get("values").properties().forEach(entry -> want.put(entry.getKey(), key(entry.getKey(),
                    entry.getValue().asString())));
            Map<String, String> have = new HashMap<>();
            meaning.values().forEach((field, value) -> have.put(field, key(field, value)));
            predicted += have.size();
            expected += want.size();
            for (var entry : have.entrySet()) {
                if (entry.getValue().equals(want.get(entry.getKey()))) {
                    truePositives++;
                }
            }
            if (misses && (!got.equals(intent) || !have.equals(want))) {
                report.append(String.format("%-14s <- %-14s %s | asked=%s | want %s | got %s%n", got, intent, text,
                        asked, want, have));
            }
        }
        double precision = predicted == 0 ? 0 : (double) truePositives / predicted;
        double recall = expected == 0 ? 0 : (double) truePositives / expected;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        report.append(String.format("%s: %d lines, intent accuracy %.3f%n", corpus.getFileName(), lines,
                (double) rightIntents / lines));
        perIntent.forEach((intent, counts) -> report.append(String.format("  recall %-15s %.3f (%d/%d)%n", intent,
                (double) counts[0] / counts[1], counts[0], counts[1])));
        report.append(String.format("values: precision %.3f recall %.3f F1 %.3f (%d expected, %d spotted, %d right)%n",
                precision, recall, f1, expected, predicted, truePositives));
        System.out.println(report);
    }

    /** The value as it would be stored when the field's validator takes it; free text folded. */
    private static String key(String field, String value) {
        var declared = field.equals("phone") ? java.util.Optional.of(RegistrationFields.PHONE)
                : RegistrationFields.byName(field);
        String canonical = value.strip();
        if (declared.isPresent() && declared.get().validate(canonical) instanceof Validation.Valid valid) {
            canonical = valid.value();
        }
        String folded = Normalizer.normalize(canonical.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return folded.replaceAll("\\s+", " ");
    }
}
