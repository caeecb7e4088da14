package dev.wareg.bench;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the launcher prepares for the load generator.
 *
 * @param accounts  how many accounts to keep seeded; their phones are deterministic, so runs share them
 * @param outputDir where {@code token.txt} and {@code accounts.csv} are written (run.sh passes
 *                  {@code bench/account-api/target/bench})
 */
@ConfigurationProperties("bench")
record BenchProperties(
        @DefaultValue("2000") int accounts,
        @DefaultValue("target/bench") Path outputDir) {

    BenchProperties {
        if (accounts < 1 || accounts > SeededAccounts.MAX_ACCOUNTS) {
            throw new IllegalArgumentException(
                    "bench.accounts must be between 1 and " + SeededAccounts.MAX_ACCOUNTS + ", not " + accounts);
        }
    }
}
