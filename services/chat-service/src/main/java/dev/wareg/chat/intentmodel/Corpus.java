package dev.wareg.chat.intentmodel;

import dev.wareg.chat.interpretation.Intent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a labelled corpus in the format of {@code eval/corpus/README.md}: one JSON object a line with {@code text},
 * {@code intent} (lower case) and, optionally, {@code asked}. Values and language are not needed here.
 */
public final class Corpus {

    /** One labelled message. */
    public record Line(String text, String askedField, Intent intent) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Corpus() {
    }

    public static List<Line> read(Path file) throws IOException {
        var lines = new ArrayList<Line>();
        int number = 0;
        for (String line : Files.readAllLines(file)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            if (!node.hasNonNull("text") || !node.hasNonNull("intent")) {
                throw new IOException(file + ":" + number + ": a line needs a text and an intent");
            }
            JsonNode asked = node.get("asked");
            lines.add(new Line(node.get("text").asString(), asked == null || asked.isNull() ? null : asked.asString(),
                    Intent.valueOf(node.get("intent").asString().toUpperCase(Locale.ROOT))));
        }
        return List.copyOf(lines);
    }
}
