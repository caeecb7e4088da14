package dev.wareg.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * nlp.js (npm {@code node-nlp}) trained on the training split and scored on the same corpus, through
 * {@code eval/nlpjs/score.mjs}: the widely used open intent classifier the rules are compared with.
 */
final class NlpJsBaseline {

    private static final Path PROJECT = Path.of("eval/nlpjs");

    /** What score.mjs prints. */
    record Result(String engine, int trainSize, int devSize, double accuracy, double utterancesPerSecond,
                  double trainSeconds, Map<String, Map<String, Integer>> perIntent) {
    }

    private NlpJsBaseline() {
    }

    static Result run(Path train, Path scored) throws IOException, InterruptedException {
        if (!Files.isDirectory(PROJECT.resolve("node_modules"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), 600);
        }
        String output = run(List.of("node", PROJECT.resolve("score.mjs").toString(), train.toString(),
                scored.toString()), 1200);
        String json = output.substring(output.indexOf('{'), output.lastIndexOf('}') + 1);
        return JsonMapper.builder().build().readValue(json, Result.class);
    }

    private static String run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command)
                .directory(command.getFirst().equals("npm") ? PROJECT.toFile() : null)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed");
        }
        return new String(output, java.nio.charset.StandardCharsets.UTF_8);
    }
}
