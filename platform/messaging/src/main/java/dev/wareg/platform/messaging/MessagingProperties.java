package dev.wareg.platform.messaging;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param maxAttempts how many times a failing handler gets the same event before it is given up on */
@Validated
@ConfigurationProperties("wareg.messaging")
public record MessagingProperties(@DefaultValue("3") @Min(1) int maxAttempts) {
}
