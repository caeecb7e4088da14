package dev.wareg.whatsappweb;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** What sending counts. Tags come from fixed sets: never a phone number, message id or text. */
final class OutboundMetrics {

    private final MeterRegistry registry;

    OutboundMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param outcome {@code sent}, or {@code dead-letter} for a send given up on */
    void outcome(String outcome) {
        Counter.builder("wareg.whatsapp_web.messages.sent")
                .description("Replies handed to the sidecar, by outcome: sent, or dead-lettered")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    void failed(SidecarAnswer.Failure failure) {
        Counter.builder("wareg.whatsapp_web.send.failures")
                .description("Calls to the sidecar's /messages that failed, retried or not")
                .tag("reason", failure.tag())
                .register(registry)
                .increment();
    }
}
