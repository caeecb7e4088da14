package dev.wareg.systemtests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool a test runs (docker-compose, promtool; {@code .ci/run} installs them). Where it is missing a
 * test skips, saying what to install, except in CI ({@code CI} set), where it fails instead.
 */
record Tool(String command) {

    record Result(int exitValue, String output) {
    }

    /** This tool, after skipping the calling test where it is not installed (outside CI). */
    static Tool required(String command, String debianPackage) {
        assumeTrue(System.getenv("CI") != null || onPath(command),
                command + " is not installed (apt-get install " + debianPackage + "); CI fails instead");
        return new Tool(command);
    }

    Result run(Path directory, String... arguments) throws IOException, InterruptedException {
        return run(directory, java.util.Map.of(), arguments);
    }

    /** With {@code environment} added to this process's. */
    Result run(Path directory, java.util.Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        var commandLine = new java.util.ArrayList<String>();
        commandLine.add(command);
        commandLine.addAll(java.util.List.of(arguments));
        var builder = new ProcessBuilder(commandLine).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", commandLine) + " did not finish in 60 s:\n" + output);
        }
        return new Result(process.exitValue(), output);
    }

    private static boolean onPath(String command) {
        try {
            return new ProcessBuilder("sh", "-c", "command -v " + command).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
