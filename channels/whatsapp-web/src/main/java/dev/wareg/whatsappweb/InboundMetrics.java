package dev.wareg.whatsappweb;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** What the inbound endpoint counts. Tags come from fixed sets: never a phone number, message id or text. */
final class InboundMetrics {

    private final MeterRegistry registry;

    InboundMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void received(SidecarMessage.Type type) {
        Counter.builder("wareg.whatsapp_web.messages.received")
                .description("Messages from the sidecar published on the bus, by type")
                .tag("type", type.tag())
                .register(registry)
                .increment();
    }

    /** @param reason {@code missing}, {@code malformed}, {@code mismatch} (signature), {@code malformed-json}, {@code invalid-shape} */
    void rejected(String reason) {
        Counter.builder("wareg.whatsapp_web.requests.rejected")
                .description("Requests from the sidecar refused: bad signature, not JSON, not the contract's shape")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    void duplicate() {
        Counter.builder("wareg.whatsapp_web.messages.duplicate")
                .description("Messages dropped because their id was already handled")
                .register(registry)
                .increment();
    }
}
