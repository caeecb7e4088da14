package dev.wareg.chat.conversation;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many codes the chat sends over WhatsApp to one number, whoever asks: a sender linking their id to a number
 * ({@link SenderLinking}) and a person moving their registration to a new number ({@link ContactProofs}) alike.
 * Each conversation is bounded on its own (3 sends); this bounds a number across every sender, so that many sender
 * ids cannot make the bot write to someone's number over and over.
 *
 * @param max    codes sent to one number within {@code window}; the next one is refused, and the person told so
 * @param window how far back sends are counted (a sliding window: a send counts for this long after it)
 */
@Validated
@ConfigurationProperties("wareg.chat.codes-per-number")
public record CodesPerNumberProperties(
        @DefaultValue("3") @Min(1) int max,
        @DefaultValue("1h") @NotNull Duration window) {

    public CodesPerNumberProperties {
        if (window != null && (window.isNegative() || window.isZero())) {
            throw new IllegalArgumentException("wareg.chat.codes-per-number.window must be positive, not " + window);
        }
    }
}
