package dev.wareg.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/compose.yaml} cannot run here (no Docker engine), so it is checked as Compose reads it
 * ({@code docker-compose config}, Debian's docker-compose; {@code .ci/run} installs it): valid, with every
 * service, and the chat consulting the local model there.
 */
class ComposeDeploymentIntegrationTests {

    @Test
    void theComposeDeploymentIsValidAndTurnsTheLocalModelOn() throws Exception {
        Path deploy = LocalDeployment.repositoryRoot().resolve("deploy");
        assumeTrue(System.getenv("CI") != null || onPath("docker-compose"),
                "docker-compose is not installed (apt-get install docker-compose); CI fails instead");

        Process config = new ProcessBuilder("docker-compose", "-f", "compose.yaml", "--env-file", ".env.example",
                "config").directory(deploy.toFile()).redirectErrorStream(true).start();
        String resolved = new String(config.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(config.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(config.exitValue()).as(resolved).isZero();
        assertThat(resolved).contains("  account-api:", "  chat-service:", "  update-worker:", "  web-chat:", "  cloud-api:",
                "  postgres:", "  redis:", "  rabbitmq:", "  ollama:", "  ollama-model:");
        assertThat(resolved).contains("WAREG_CHAT_LLM_ENABLED: \"true\"", "WAREG_CHAT_LLM_BASEURL: http://ollama:11434",
                "WAREG_MESSAGING_BUS: rabbitmq", "WAREG_CHAT_CONVERSATIONSTORE: redis", "WAREG_CLOUDAPI_DEDUPE: redis");
    }

    private static boolean onPath(String command) throws IOException, InterruptedException {
        return new ProcessBuilder("sh", "-c", "command -v " + command).start().waitFor() == 0;
    }
}
