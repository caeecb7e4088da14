package dev.wareg.cloudapi.outbound;

import dev.wareg.cloudapi.outbound.GraphMessages.Shape;
import dev.wareg.cloudapi.outbound.GraphResponse.Failure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/** What sending counts. Tags come from fixed sets: never a phone number, message id or text. */
final class OutboundMetrics {

    private final MeterRegistry registry;
    private final Timer paced;

    OutboundMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.paced = Timer.builder("wareg.cloud_api.send.paced")
                .description("How long sends waited for the rate limits")
                .register(registry);
    }

    void sent(Shape shape) {
        Counter.builder("wareg.cloud_api.sent")
                .description("Messages Meta accepted, by how they were shown")
                .tag("shape", shape.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    void failed(Failure failure) {
        Counter.builder("wareg.cloud_api.send.failures")
                .description("Graph API calls that failed, retried or not")
                .tag("reason", failure.tag)
                .register(registry)
                .increment();
    }

    /** A message that will never reach the person: outside the 24-hour window without a template, or unreachable. */
    void undeliverable(Failure failure) {
        Counter.builder("wareg.cloud_api.undeliverable")
                .description("Messages recorded as undeliverable")
                .tag("reason", failure.tag)
                .register(registry)
                .increment();
    }

    void readReceiptFailed(Failure failure) {
        Counter.builder("wareg.cloud_api.read_receipts.failed")
                .description("Read receipts Meta did not take; they are not retried")
                .tag("reason", failure.tag)
                .register(registry)
                .increment();
    }

    void paced(Duration wait) {
        paced.record(wait);
    }
}
