package dev.wareg.webchat;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wareg.contracts.SendMessage.Button;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of a web chat transcript, as the page shows it.
 *
 * @param id      the event id of the message, so a redelivered reply is kept once and the page can poll for
 *                what came after the last message it has
 * @param buttons quick replies offered with an outgoing message; always empty for incoming ones
 */
record TranscriptMessage(UUID id, Direction direction, String text, List<Button> buttons, Instant at) {

    TranscriptMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    static TranscriptMessage incoming(UUID id, String text, Instant at) {
        return new TranscriptMessage(id, Direction.IN, text, List.of(), at);
    }

    static TranscriptMessage outgoing(UUID id, String text, List<Button> buttons, Instant at) {
        return new TranscriptMessage(id, Direction.OUT, text, buttons, at);
    }

    /** Seen from the bot: {@code in} is what the person wrote, {@code out} what the bot answered. */
    enum Direction {
        @JsonProperty("in") IN,
        @JsonProperty("out") OUT
    }
}
