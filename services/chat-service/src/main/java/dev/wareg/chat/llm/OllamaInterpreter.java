package dev.wareg.chat.llm;

import dev.wareg.chat.interpretation.Intent;
import dev.wareg.platform.defaults.Failures;
import dev.wareg.platform.defaults.ServiceClients;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks a local model, through Ollama's {@code POST /api/chat}, what one message means. It answers a checked
 * {@link ModelReading}, empty when the model's answer is outside the schema, or throws {@link OllamaUnavailable}
 * when Ollama does not answer properly: no connection, a timeout, an HTTP error (a model not pulled is 404
 * {@code {"error": "model \"x\" not found, try pulling it first"}}), or a body that is not Ollama's JSON.
 * <p>
 * The request says {@code "stream": false}, so Ollama answers one JSON object; an answer streamed anyway (NDJSON,
 * one chunk a line, the last with {@code "done": true}) is read too, its pieces of content joined.
 */
final class OllamaInterpreter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;
    private final String model;
    private final Duration timeout;

    OllamaInterpreter(RestClient.Builder builder, URI baseUrl, String model, Duration timeout) {
        this.http = builder.baseUrl(baseUrl.toString()).requestFactory(ServiceClients.requestFactory(timeout)).build();
        this.model = model;
        this.timeout = timeout;
    }

    Optional<ModelReading> read(String message, String askedField, Set<Intent> allowed) {
        String request = OllamaPrompt.request(model, message, askedField, allowed);
        long started = System.nanoTime();
        String answer;
        try {
            answer = http.post()
                    .uri("/api/chat")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(request)
                    .exchange((ignored, response) -> {
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            throw new OllamaUnavailable(failed(response.getStatusCode().value(),
                                    new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)), false);
                        }
                        return new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                    });
        } catch (RestClientException e) {
            boolean timedOut = Failures.causedBy(e, HttpTimeoutException.class)
                    || Duration.ofNanos(System.nanoTime() - started).compareTo(timeout) >= 0;
            throw new OllamaUnavailable(timedOut ? "timeout" : kind(e), timedOut);
        }
        return ModelReading.check(content(answer), allowed, message);
    }

    /** The assistant's content in one answer object, or joined from the chunks of a streamed answer. */
    static String content(String answer) {
        List<JsonNode> chunks = new ArrayList<>();
        try {
            for (String line : answer.strip().lines().filter(line -> !line.isBlank()).toList()) {
                chunks.add(JSON.readTree(line));
            }
        } catch (JacksonException e) {
            // Not one object a line: perhaps one object over several lines.
            chunks.clear();
            try {
                chunks.add(JSON.readTree(answer));
            } catch (JacksonException unreadable) {
                throw new OllamaUnavailable("unreadable response", false);
            }
        }
        if (chunks.isEmpty() || !chunks.getLast().path("done").asBoolean(false)) {
            throw new OllamaUnavailable("unfinished response", false);
        }
        StringBuilder content = new StringBuilder();
        for (JsonNode chunk : chunks) {
            if (!chunk.isObject() || chunk.has("error")) {
                throw new OllamaUnavailable("error in response", false);
            }
            JsonNode piece = chunk.path("message").path("content");
            if (!piece.isString()) {
                throw new OllamaUnavailable("response without content", false);
            }
            content.append(piece.asString());
        }
        return content.toString();
    }

    /** What went wrong, for the log: the status, and for a missing model, that it is not pulled. */
    private String failed(int status, String body) {
        if (status == 404 && body.contains("not found")) {
            return "model " + model + " not pulled (HTTP 404)";
        }
        return "HTTP " + status;
    }

    private static String kind(Throwable failure) {
        if (Failures.causedBy(failure, ConnectException.class)) {
            return "connection refused";
        }
        if (Failures.causedBy(failure, IOException.class)) {
            return "I/O error";
        }
        return Failures.rootCauseName(failure);
    }

    /** Ollama did not answer properly. The message names the kind of failure only, never the person's text. */
    static final class OllamaUnavailable extends RuntimeException {

        private final boolean timedOut;

        OllamaUnavailable(String kind, boolean timedOut) {
            super(kind, null, false, false);
            this.timedOut = timedOut;
        }

        boolean timedOut() {
            return timedOut;
        }
    }
}
