package dev.wareg.platform.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Every service traces, samples everything, exports only where told where to, and never records an address or what
 * a failure said.
 */
class TracingDefaultsTests {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class AnyService {
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(AnyService.class).web(WebApplicationType.NONE)
                .properties("spring.application.name=any-service").properties(properties).run();
    }

    @Test
    void servicesTraceEveryRequestWithOpenTelemetryButExportNothingWithoutAnEndpoint() {
        try (var context = start()) {
            Tracer tracer = context.getBean(Tracer.class);
            assertThat(tracer).isInstanceOf(OtelTracer.class);
            assertThat(tracer.nextSpan().start().context().sampled()).isTrue();
            assertThat(context.getBeansOfType(SpanExporter.class)).isEmpty();
        }
    }

    @Test
    void anEndpointTurnsTheOtlpExportOn() {
        try (var context = start("management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:4318/v1/traces")) {
            assertThat(context.getBeansOfType(SpanExporter.class).values())
                    .singleElement().isInstanceOf(ErrorDetailsDropped.class)
                    .extracting("exporter").isInstanceOf(OtlpHttpSpanExporter.class);
        }
    }

    @Test
    void anHttpObservationRecordsTheUriTemplateInsteadOfTheAddress() {
        try (var context = start()) {
            ObservationRegistry registry = context.getBean(ObservationRegistry.class);
            var stopped = new AtomicReference<Observation.Context>();
            registry.observationConfig().observationHandler(new ObservationHandler<>() {
                @Override
                public void onStop(Observation.Context observed) {
                    stopped.set(observed);
                }

                @Override
                public boolean supportsContext(Observation.Context observed) {
                    return true;
                }
            });

            Observation.createNotStarted("http.client.requests", registry)
                    .lowCardinalityKeyValue("uri", "/v1/accounts")
                    .highCardinalityKeyValue("http.url", "http://account-api/v1/accounts?phone=%2B5511987654321")
                    .start().stop();

            assertThat(stopped.get().getHighCardinalityKeyValue("http.url")).isEqualTo(KeyValue.of("http.url",
                    "/v1/accounts"));
        }
    }

    @Test
    void aFailureIsExportedByItsTypeWithoutWhatItSaid() {
        var exported = InMemorySpanExporter.create();
        SpanData span;
        try (var provider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(new ErrorDetailsDropped(exported))).build()) {
            var failure = new IllegalStateException("I/O error on GET request for \"/v1/accounts?phone=%2B5511987654321\"");
            var failed = provider.get("tests").spanBuilder("http get").startSpan();
            failed.recordException(failure);
            failed.setStatus(StatusCode.ERROR, failure.getMessage());
            failed.end();
            // Read before the provider closes: closing the in-memory exporter forgets what it kept.
            span = exported.getFinishedSpanItems().getFirst();
        }

        assertThat(span.getEvents()).singleElement().satisfies(event -> {
            assertThat(event.getAttributes().get(AttributeKey.stringKey("exception.type")))
                    .isEqualTo(IllegalStateException.class.getName());
            assertThat(event.getAttributes().asMap().values()).noneMatch(value -> value.toString().contains("5511"));
        });
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getStatus().getDescription()).isEmpty();
    }

    @Test
    void anAddressWithoutTemplateIsRecordedAsNone() {
        var context = new Observation.Context();
        context.addHighCardinalityKeyValue(KeyValue.of("http.url", "/web-chat/api/conversations/+5511987654321"));

        new UrlTemplatesOnly().map(context);

        assertThat(context.getHighCardinalityKeyValue("http.url").getValue()).isEqualTo("none");
    }
}
