package dev.wareg.webchat;

import dev.wareg.platform.defaults.Problems;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The problems of the web chat's sign-in, in English like every API of the system; the page shows its own pt-BR
 * text by {@code type}. None of them says whether the number has an account, or had a code.
 */
final class SessionProblems {

    private SessionProblems() {
    }

    static ResponseEntity<ProblemDetail> sessionRequired() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Problems.of(HttpStatus.UNAUTHORIZED,
                "session-required", "Session required",
                "Prove the number first: ask for a code (POST " + WebChatConfiguration.API_PATH
                        + "/sessions/codes) and send it back (POST " + WebChatConfiguration.API_PATH + "/sessions)."));
    }

    static ResponseEntity<ProblemDetail> notYourNumber() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Problems.of(HttpStatus.FORBIDDEN,
                "other-number", "Not this session's number",
                "This session is bound to another number; sign in with that number's code to use it."));
    }

    static ResponseEntity<ProblemDetail> invalidCode() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Problems.of(HttpStatus.UNAUTHORIZED,
                "invalid-code", "Invalid code",
                "The code is wrong, expired or already used, or was tried too many times. Ask for a new one."));
    }

    static ResponseEntity<ProblemDetail> tooManyCodeRequests(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-code-requests", "Too many code requests",
                        "Too many codes were asked for this number or from this address. Try again in " + seconds
                                + " seconds."));
    }
}
