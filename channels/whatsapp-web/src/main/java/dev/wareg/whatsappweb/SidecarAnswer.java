package dev.wareg.whatsappweb;

import java.time.Duration;
import java.util.Locale;

/** What the sidecar made of one request: a send, or an erasure. */
sealed interface SidecarAnswer {

    /** WhatsApp took the message (for an erasure: the sidecar forgot the person). */
    record Sent() implements SidecarAnswer {
    }

    /**
     * @param failure    what kind of failure, which decides whether to retry
     * @param status     the HTTP status, or 0 when no answer came
     * @param retryAfter how long the sidecar asked to wait (a 429's {@code Retry-After}), or null
     */
    record Failed(Failure failure, int status, Duration retryAfter) implements SidecarAnswer {

        /** A reason code for a dead letter or a log line: never the message or its recipient. */
        String reason() {
            return failure.tag() + (status > 0 ? " (" + status + ")" : "");
        }
    }

    enum Failure {
        /** 429: the sidecar's rate limits would hold the message too long. */
        RATE_LIMITED(true),
        /** 5xx, 503 included: the session is not connected, or the sidecar failed. */
        UNAVAILABLE(true),
        /** No answer: refused connection (the sidecar is restarting) or a timeout. */
        UNREACHABLE(true),
        /** 401: the two sides do not share the secret; no retry fixes that. */
        SIGNATURE_REFUSED(false),
        /** 400 or another 4xx: the body is not what the sidecar takes; a bug, not a passing state. */
        REFUSED(false);

        private final boolean retryable;

        Failure(boolean retryable) {
            this.retryable = retryable;
        }

        boolean retryable() {
            return retryable;
        }

        /** The {@code reason} tag of the failure metric and the reason code of a dead letter. */
        String tag() {
            return "sidecar-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Failure ofStatus(int status) {
            if (status == 429) {
                return RATE_LIMITED;
            }
            if (status == 401) {
                return SIGNATURE_REFUSED;
            }
            return status >= 500 ? UNAVAILABLE : REFUSED;
        }
    }
}
