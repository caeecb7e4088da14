package dev.wareg.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The web chat page in a real browser: {@code src/test/browser/web-chat.test.mjs} (Node's test runner with
 * playwright-core) drives Debian's Chromium against the running embedded default. Where Chromium or npm is
 * missing the test is skipped, loudly, unless {@code CI} is set: in CI a missing browser is a failure.
 */
@StandaloneTest
class WebChatBrowserIntegrationTests extends StandaloneTest.Base {

    private static final Path SOURCES = Path.of("src/test/browser");
    private static final Path WORK = Path.of("target/browser-test");
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @Test
    void aPersonRegistersThroughThePage() throws Exception {
        requireTools();
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "web-chat.test.mjs")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }

        run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300);
        run(List.of("node", "--test", "web-chat.test.mjs"),
                Map.of("BASE_URL", baseUrl(), "CHROMIUM", CHROMIUM.toString(),
                        "AUTHORIZATION", StandaloneTest.Base.readerToken()), 180);
    }

    private static void requireTools() {
        boolean chromium = Files.isExecutable(CHROMIUM);
        boolean npm = onPath("npm") && onPath("node");
        if (chromium && npm) {
            return;
        }
        String missing = (chromium ? "" : CHROMIUM + " ") + (npm ? "" : "node/npm");
        if (System.getenv("CI") != null) {
            fail("The browser test needs " + missing + " (CI is set, so this is a failure; .ci/run installs them)");
        }
        System.err.println("""

                **********************************************************************
                  SKIPPED: the web chat browser test needs %s.
                  Install Debian's chromium (apt-get install chromium) and npm,
                  or set CI=true to make this a failure.
                **********************************************************************
                """.formatted(missing));
        Assumptions.abort("browser test skipped: missing " + missing);
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, command)));
    }

    private static void run(List<String> command, Map<String, String> environment, long timeoutSeconds)
            throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        // Drain output while waiting so a chatty process cannot block on a full pipe.
        var output = new StringBuilder();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (var in = process.inputReader()) {
                in.lines().forEach(line -> output.append(line).append('\n'));
            } catch (IOException e) {
                output.append("(output lost: ").append(e.getMessage()).append(")\n");
            }
        });
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " ran past " + timeoutSeconds + " s:\n" + output);
        }
        reader.join();
        System.out.print(output);
        assertThat(process.exitValue()).as(String.join(" ", command) + " failed:\n" + output).isZero();
    }
}
