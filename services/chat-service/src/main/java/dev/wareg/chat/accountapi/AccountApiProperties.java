package dev.wareg.chat.accountapi;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param baseUrl where account-api answers
 * @param timeout for connecting and for each response; the person is waiting on the other side
 */
@Validated
@ConfigurationProperties("wareg.account-api")
record AccountApiProperties(
        @DefaultValue("http://localhost:8080") @NotNull URI baseUrl,
        @DefaultValue("3s") @NotNull Duration timeout) {
}
