package dev.wareg.cloudapi;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** What the webhook counts. Tags are drawn from fixed sets: never a phone number, message id or text. */
final class WebhookMetrics {

    // Meta's documented statuses; anything else is counted as "other" so a new value cannot grow the tag set.
    private static final Set<String> STATUSES = Set.of("sent", "delivered", "read", "failed");
    // Meta's codes for messages that failed after they were accepted; others are counted as "other".
    private static final Set<Integer> FAILURES = Set.of(130429, 130472, 131000, 131026, 131047, 131049, 131050,
            131051, 131053, 131056);

    private final MeterRegistry registry;
    // Registered once: every new message of a delivery asks for these, and a lookup by name and tags costs more
    // than the increment.
    private final Counter duplicates;
    private final Counter stale;
    private final Counter staleStatuses;
    private final Map<String, Counter> statuses;

    WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.duplicates = Counter.builder("wareg.cloud_api.messages.duplicate")
                .description("Messages dropped because their id was already handled")
                .register(registry);
        this.stale = Counter.builder("wareg.cloud_api.messages.stale")
                .description("Messages dropped because they were sent before the window their ids are remembered for")
                .register(registry);
        this.staleStatuses = Counter.builder("wareg.cloud_api.statuses.stale")
                .description("Delivery statuses not counted because Meta reported them before the dedupe window")
                .register(registry);
        var byStatus = new HashMap<String, Counter>();
        for (String status : Stream.concat(STATUSES.stream(), Stream.of("other")).toList()) {
            byStatus.put(status, Counter.builder("wareg.cloud_api.statuses")
                    .description("Delivery statuses of sent messages reported by Meta")
                    .tag("status", status)
                    .register(registry));
        }
        this.statuses = Map.copyOf(byStatus);
    }

    void rejected(String reason) {
        Counter.builder("wareg.cloud_api.webhook.rejected")
                .description("Webhook deliveries refused before parsing")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    void status(WebhookPayload.Status status) {
        statuses.get(STATUSES.contains(status.status()) ? status.status() : "other").increment();
        if ("failed".equals(status.status())) {
            Counter.builder("wareg.cloud_api.statuses.failed")
                    .description("Sent messages Meta reported as failed, by error code")
                    .tag("code", FAILURES.contains(status.errorCode()) ? String.valueOf(status.errorCode()) : "other")
                    .register(registry)
                    .increment();
        }
    }

    void duplicate() {
        duplicates.increment();
    }

    void stale() {
        stale.increment();
    }

    void staleStatus() {
        staleStatuses.increment();
    }
}
