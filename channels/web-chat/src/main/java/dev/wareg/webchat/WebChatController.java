package dev.wareg.webchat;

import dev.wareg.fields.RegistrationFields;
import dev.wareg.fields.Validation;
import dev.wareg.platform.defaults.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page's API. People are identified by the phone they chose to chat as, in any format the registration's
 * phone validator accepts; it is normalised to E.164, as WhatsApp would give it, before the bot sees it.
 * Problem details are in English like every other API of the system; the page shows its own pt-BR text for the
 * problems it knows (by {@code type} and {@code errors[].field}/{@code code}) and the {@code detail} otherwise.
 */
@RestController
@RequestMapping(WebChatConfiguration.API_PATH)
class WebChatController {

    private static final String PHONE_EXAMPLE = "+55 11 98765-4321";

    private final IncomingMessages incoming;
    private final Transcripts transcripts;

    WebChatController(IncomingMessages incoming, Transcripts transcripts) {
        this.incoming = incoming;
        this.transcripts = transcripts;
    }

    /** @param text what the person wrote; may be empty or long, the bot answers those too */
    record PostedMessage(String from, String text) {
    }

    record Accepted(UUID messageId) {
    }

    /** One entry of a problem's {@code errors}, shaped like those of bean validation failures. */
    record InvalidValue(String field, String code, String message) {
    }

    @PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> receive(@RequestBody PostedMessage posted) {
        var invalid = new ArrayList<InvalidValue>();
        Optional<String> sender = phone(posted.from(), invalid);
        if (posted.text() == null) {
            invalid.add(new InvalidValue("text", "missing",
                    "Give the text of the message in `text`; it may be empty."));
        }
        if (!invalid.isEmpty()) {
            return invalidRequest(invalid);
        }
        UUID id = incoming.receive(sender.orElseThrow(), posted.text());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(id));
    }

    /** @param after the id of the last message the caller has; only newer ones are returned, for polling */
    @GetMapping("/conversations/{from}/messages")
    ResponseEntity<?> transcript(@PathVariable String from, @RequestParam Optional<UUID> after) {
        var invalid = new ArrayList<InvalidValue>();
        Optional<String> participant = phone(from, invalid);
        if (participant.isEmpty()) {
            return invalidRequest(invalid);
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(transcripts.messages(participant.get(), after));
    }

    // The number itself stays out of the answer and the logs: it is personal data and the caller knows it anyway.
    private static Optional<String> phone(String raw, List<InvalidValue> invalid) {
        return switch (RegistrationFields.PHONE.validate(raw)) {
            case Validation.Valid valid -> Optional.of(valid.value());
            case Validation.Invalid refused -> {
                invalid.add(new InvalidValue("from", refused.reason(), explainPhone(refused.reason())));
                yield Optional.empty();
            }
        };
    }

    private static String explainPhone(String reason) {
        return switch (reason) {
            case "empty" -> "Give the phone number to chat as in `from`, with area code, such as " + PHONE_EXAMPLE + ".";
            case "invalid" -> "`from` cannot be a phone number: check the area code and the number of digits, such as "
                    + PHONE_EXAMPLE + ".";
            default -> "`from` is not a phone number: write it with area code, such as " + PHONE_EXAMPLE + ".";
        };
    }

    private static ResponseEntity<?> invalidRequest(List<InvalidValue> invalid) {
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                invalid.stream().map(InvalidValue::message).collect(Collectors.joining(" ")));
        problem.setProperty("errors", List.copyOf(invalid));
        return ResponseEntity.badRequest().body(problem);
    }
}
