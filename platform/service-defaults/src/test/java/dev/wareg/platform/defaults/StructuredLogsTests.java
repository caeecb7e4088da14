package dev.wareg.platform.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service logs one JSON object per line, saying which service wrote it and, within a trace, which trace and
 * span: the ids Micrometer Tracing puts in the MDC, so a trace id found in Jaeger finds its log lines.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aLineWrittenWithinATraceIsOneJsonObjectWithTheServiceTraceAndSpan(CapturedOutput output) {
        try (var context = start()) {
            var log = LoggerFactory.getLogger("dev.wareg.example.Orders");
            try (var trace = MDC.putCloseable("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
                    var span = MDC.putCloseable("spanId", "00f067aa0ba902b7")) {
                log.info("Order {} accepted", 42);
            }
            JsonNode line = lineSaying(output, "Order 42 accepted");
            assertThat(line.path("traceId").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(line.path("spanId").asString()).isEqualTo("00f067aa0ba902b7");
            assertThat(line.path("service").path("name").asString()).isEqualTo("orders-service");
            assertThat(line.path("log").path("level").asString()).isEqualTo("INFO");
            assertThat(line.path("log").path("logger").asString()).isEqualTo("dev.wareg.example.Orders");
            assertThat(line.path("@timestamp").asString()).isNotEmpty();
        }
    }

    @Test
    void aFailureStaysOnItsLineWithItsTypeAndStackTrace(CapturedOutput output) {
        try (var context = start()) {
            LoggerFactory.getLogger("dev.wareg.example.Orders").warn("Order handling failed",
                    new IllegalStateException("the store is down"));
            JsonNode line = lineSaying(output, "Order handling failed");
            assertThat(line.path("error").path("type").asString()).isEqualTo("java.lang.IllegalStateException");
            assertThat(line.path("error").path("stack_trace").asString()).contains("StructuredLogsTests");
            assertThat(line.has("traceId")).as("no trace, no trace id").isFalse();
        }
    }

    @Test
    void plainTextWhenTheFormatIsSetEmpty(CapturedOutput output) {
        try (var context = start("--logging.structured.format.console=")) {
            LoggerFactory.getLogger("dev.wareg.example.Orders").info("Order 7 accepted");
            String line = output.getOut().lines().filter(text -> text.contains("Order 7 accepted")).findFirst()
                    .orElseThrow();
            assertThat(line).doesNotStartWith("{").contains("INFO").contains("dev.wareg.example.Orders");
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
                .properties("spring.application.name=orders-service").run(args);
    }

    /** The one line that carries the message, which must be a JSON object on its own. */
    private static JsonNode lineSaying(CapturedOutput output, String message) {
        List<String> lines = output.getOut().lines().filter(line -> line.contains(message)).toList();
        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.getFirst());
        assertThat(line.path("message").asString()).isEqualTo(message);
        return line;
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
