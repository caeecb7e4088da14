package dev.wareg.bench;

import dev.wareg.platform.defaults.ServiceTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code token.txt}: the {@code Authorization} header value the load generator sends. A token lives ten minutes,
 * so the file is rewritten every minute for as long as the launcher runs ({@link ServiceTokens} signs a new one
 * shortly before the old one expires); wrk reads it once per run.
 */
@Component
class TokenFile {

    static final String NAME = "token.txt";

    private final ServiceTokens tokens;
    private final Path file;

    TokenFile(ServiceTokens tokens, BenchProperties properties) {
        this.tokens = tokens;
        this.file = properties.outputDir().resolve(NAME);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0) // before SeededAccounts, whose accounts.csv says the launcher is ready
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    void write() throws IOException {
        Files.createDirectories(file.getParent());
        Path next = file.resolveSibling(NAME + ".tmp");
        Files.writeString(next, tokens.authorization() + "\n");
        // Moved into place whole, so a reader never sees half a token.
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
