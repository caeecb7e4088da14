package dev.wareg.cloudapi;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;

/** What the webhook counts. Tags are drawn from fixed sets: never a phone number, message id or text. */
final class WebhookMetrics {

    // Meta's documented statuses; anything else is counted as "other" so a new value cannot grow the tag set.
    private static final Set<String> STATUSES = Set.of("sent", "delivered", "read", "failed");

    private final MeterRegistry registry;

    WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void rejected(String reason) {
        Counter.builder("wareg.cloud_api.webhook.rejected")
                .description("Webhook deliveries refused before parsing")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    void status(String status) {
        Counter.builder("wareg.cloud_api.statuses")
                .description("Delivery statuses of sent messages reported by Meta")
                .tag("status", STATUSES.contains(status) ? status : "other")
                .register(registry)
                .increment();
    }

    void duplicate() {
        Counter.builder("wareg.cloud_api.messages.duplicate")
                .description("Messages dropped because their id was already handled")
                .register(registry)
                .increment();
    }
}
