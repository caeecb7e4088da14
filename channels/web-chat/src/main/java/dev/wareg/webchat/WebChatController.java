package dev.wareg.webchat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;
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
 * The page's chat API. Every call needs a session ({@link SessionController}), 401 otherwise, and acts for the
 * number the session proved, never for a number the caller names: naming another one is refused with 403.
 * Problem details are in English like every other API of the system; the page shows its own pt-BR text for the
 * problems it knows (by {@code type} and {@code errors[].field}/{@code code}) and the {@code detail} otherwise.
 */
@RestController
@RequestMapping(WebChatConfiguration.API_PATH)
class WebChatController {

    private final IncomingMessages incoming;
    private final Transcripts transcripts;
    private final Sessions sessions;

    WebChatController(IncomingMessages incoming, Transcripts transcripts, Sessions sessions) {
        this.incoming = incoming;
        this.transcripts = transcripts;
        this.sessions = sessions;
    }

    /**
     * @param from optional, for clients written before sessions: when given it must be the session's number
     * @param text what the person wrote; may be empty or long, the bot answers those too
     */
    record PostedMessage(String from, String text) {
    }

    record Accepted(UUID messageId) {
    }

    @PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> receive(@RequestBody PostedMessage posted,
                              HttpServletRequest http) {
        Optional<String> sender = sessions.use(SessionCookie.read(http));
        if (sender.isEmpty()) {
            return SessionProblems.sessionRequired();
        }
        var invalid = new ArrayList<InvalidRequests.InvalidValue>();
        if (posted.from() != null) {
            Optional<String> named = InvalidRequests.phone("from", posted.from(), invalid);
            if (named.isPresent() && !named.get().equals(sender.get())) {
                return SessionProblems.notYourNumber();
            }
        }
        if (posted.text() == null) {
            invalid.add(new InvalidRequests.InvalidValue("text", "missing",
                    "Give the text of the message in `text`; it may be empty."));
        }
        if (!invalid.isEmpty()) {
            return InvalidRequests.response(invalid);
        }
        UUID id = incoming.receive(sender.get(), posted.text());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(id));
    }

    /** The session's own transcript. @param after the id of the last message the caller has, for polling */
    @GetMapping("/messages")
    ResponseEntity<?> transcript(@RequestParam Optional<UUID> after, HttpServletRequest http) {
        return sessions.use(SessionCookie.read(http))
                .<ResponseEntity<?>>map(phone -> transcriptOf(phone, after))
                .orElseGet(SessionProblems::sessionRequired);
    }

    /** The transcript by number, as before sessions: only the session's own number is shown. */
    @GetMapping("/conversations/{from}/messages")
    ResponseEntity<?> transcript(@PathVariable String from, @RequestParam Optional<UUID> after,
                                 HttpServletRequest http) {
        Optional<String> owner = sessions.use(SessionCookie.read(http));
        if (owner.isEmpty()) {
            return SessionProblems.sessionRequired();
        }
        var invalid = new ArrayList<InvalidRequests.InvalidValue>();
        Optional<String> participant = InvalidRequests.phone("from", from, invalid);
        if (participant.isEmpty()) {
            return InvalidRequests.response(invalid);
        }
        if (!participant.get().equals(owner.get())) {
            return SessionProblems.notYourNumber();
        }
        return transcriptOf(owner.get(), after);
    }

    private ResponseEntity<?> transcriptOf(String phone, Optional<UUID> after) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(transcripts.messages(phone, after));
    }
}
