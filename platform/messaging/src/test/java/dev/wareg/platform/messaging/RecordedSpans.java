package dev.wareg.platform.messaging;

import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;

/**
 * Micrometer Tracing over the OpenTelemetry SDK, as the services have it, with W3C propagation and every finished
 * span kept in memory.
 */
public final class RecordedSpans implements AutoCloseable {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    private final OtelTracer tracer;
    private final EventTracing tracing;

    public RecordedSpans() {
        OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder().setTracerProvider(provider)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
        var otelTracer = openTelemetry.getTracer("event-tracing-tests");
        tracer = new OtelTracer(otelTracer, new OtelCurrentTraceContext(), event -> { });
        tracing = new MicrometerEventTracing(tracer, new OtelPropagator(openTelemetry.getPropagators(), otelTracer));
    }

    public OtelTracer tracer() {
        return tracer;
    }

    public EventTracing tracing() {
        return tracing;
    }

    /** The spans that ended so far. */
    public List<SpanData> finished() {
        return exporter.getFinishedSpanItems();
    }

    @Override
    public void close() {
        provider.close();
    }
}
