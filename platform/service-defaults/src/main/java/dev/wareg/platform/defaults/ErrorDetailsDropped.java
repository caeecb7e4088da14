package dev.wareg.platform.defaults;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;

/**
 * Exports spans without what a failure said: a span that records an exception keeps its type, but not its message
 * or stack trace, nor a status description made of the message. Those quote whatever the code at fault had at
 * hand: a failed call to account-api says {@code I/O error on GET request for "…/v1/accounts?phone=%2B55…"}.
 * The logs are where failures are explained; traces show where they happened.
 */
final class ErrorDetailsDropped implements SpanExporter {

    static final AttributeKey<String> MESSAGE = AttributeKey.stringKey("exception.message");
    static final AttributeKey<String> STACKTRACE = AttributeKey.stringKey("exception.stacktrace");

    private final SpanExporter exporter;

    ErrorDetailsDropped(SpanExporter exporter) {
        this.exporter = exporter;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return exporter.export(spans.stream().map(ErrorDetailsDropped::withoutDetails).toList());
    }

    static SpanData withoutDetails(SpanData span) {
        if (span.getEvents().isEmpty() && span.getStatus().getDescription().isEmpty()) {
            return span;
        }
        List<EventData> events = span.getEvents().stream().map(event -> event.getAttributes().get(MESSAGE) == null
                && event.getAttributes().get(STACKTRACE) == null ? event
                : EventData.create(event.getEpochNanos(), event.getName(), withoutDetails(event.getAttributes())))
                .toList();
        StatusData status = span.getStatus().getDescription().isEmpty() ? span.getStatus()
                : StatusData.create(span.getStatus().getStatusCode(), "");
        return new DelegatingSpanData(span) {
            @Override
            public List<EventData> getEvents() {
                return events;
            }

            @Override
            public StatusData getStatus() {
                return status;
            }
        };
    }

    private static Attributes withoutDetails(Attributes attributes) {
        return attributes.toBuilder().remove(MESSAGE).remove(STACKTRACE).build();
    }

    @Override
    public CompletableResultCode flush() {
        return exporter.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return exporter.shutdown();
    }

    @Override
    public void close() {
        exporter.close();
    }
}
