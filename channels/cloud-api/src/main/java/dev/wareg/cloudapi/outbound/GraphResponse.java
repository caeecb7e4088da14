package dev.wareg.cloudapi.outbound;

/** What the Graph API answered to one call, reduced to what decides the next step. */
sealed interface GraphResponse {

    /** @param messageId the {@code wamid} of the message sent; empty for a read receipt */
    record Accepted(String messageId) implements GraphResponse {
    }

    /**
     * @param httpStatus 0 when no answer came (timeout, connection refused)
     * @param code       the Graph error code ({@code error.code}), 0 when the answer carried none
     */
    record Failed(int httpStatus, int code) implements GraphResponse {

        Failure failure() {
            return Failure.of(httpStatus, code);
        }

        /** A reason for logs and dead letters: codes only, never what the message said or to whom. */
        String reason() {
            return failure().tag + " (HTTP " + httpStatus + ", code " + code + ")";
        }
    }

    /**
     * What went wrong, by what the channel does about it
     * (https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes).
     */
    enum Failure {
        /** 130429 throughput, 4 and 80007 call-rate limits, HTTP 429: slow down, then retry. */
        RATE_LIMITED("rate-limited"),
        /** 131056: too many messages to this one person lately; wait, then retry. */
        PAIR_RATE_LIMITED("pair-rate-limited"),
        /** 131047: the person last wrote more than 24 hours ago; only a template may be sent. */
        OUTSIDE_WINDOW("outside-window"),
        /** 131026: the number is not on WhatsApp, or cannot receive this message. */
        UNDELIVERABLE("undeliverable"),
        /** 190 or HTTP 401: the access token expired or was revoked; nothing can be sent until it is replaced. */
        TOKEN_REJECTED("token-rejected"),
        /** No answer, HTTP 5xx, or Meta's own "try again" codes: retry with backoff. */
        TRANSIENT("transient"),
        /** Anything else (invalid parameter, unsupported message): retrying the same call cannot help. */
        REFUSED("refused");

        final String tag;

        Failure(String tag) {
            this.tag = tag;
        }

        static Failure of(int httpStatus, int code) {
            return switch (code) {
                case 190 -> TOKEN_REJECTED;
                case 4, 80007, 130429 -> RATE_LIMITED;
                case 131056 -> PAIR_RATE_LIMITED;
                case 131047 -> OUTSIDE_WINDOW;
                case 131026 -> UNDELIVERABLE;
                // Unknown error, service unavailable, something went wrong, service unavailable, temporarily down.
                case 1, 2, 131000, 131016, 133004 -> TRANSIENT;
                default -> httpStatus == 401 ? TOKEN_REJECTED
                        : httpStatus == 429 ? RATE_LIMITED
                        : httpStatus == 0 || httpStatus == 408 || httpStatus >= 500 ? TRANSIENT
                        : REFUSED;
            };
        }

        boolean retryable() {
            return this == RATE_LIMITED || this == PAIR_RATE_LIMITED || this == TRANSIENT;
        }
    }
}
