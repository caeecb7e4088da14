package dev.wareg.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fake speaks Ollama's protocol: the shapes a real client parses, and the defaults it must not forget. */
class FakeOllamaIntegrationTests {

    private static final String MODEL = "qwen2.5:0.5b-instruct";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FakeOllama ollama = FakeOllama.start(MODEL);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        ollama.close();
    }

    @Test
    void tagsListTheModelsItWasStartedWith() throws Exception {
        HttpResponse<String> response = get("/api/tags");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode model = JSON.readTree(response.body()).path("models").get(0);
        assertThat(model.path("name").asString()).isEqualTo(MODEL);
        assertThat(model.path("model").asString()).isEqualTo(MODEL);
        assertThat(model.path("details").path("format").asString()).isEqualTo("gguf");
        assertThat(model.has("modified_at") && model.has("size") && model.has("digest")).isTrue();
    }

    @Test
    void aChatWithStreamFalseIsOneObjectWithTheWholeContent() throws Exception {
        ollama.replyWith("{\"intent\":\"greet\"}");

        HttpResponse<String> response = chat("""
                {"model": "%s", "stream": false, "format": {"type": "object"}, "options": {"temperature": 0},
                 "messages": [{"role": "system", "content": "classify"}, {"role": "user", "content": "oi"}]}"""
                .formatted(MODEL));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("message").path("role").asString()).isEqualTo("assistant");
        assertThat(answer.path("message").path("content").asString()).isEqualTo("{\"intent\":\"greet\"}");
        assertThat(answer.path("done").asBoolean()).isTrue();
        assertThat(answer.path("done_reason").asString()).isEqualTo("stop");

        FakeOllama.ChatRequest request = ollama.chatRequests().getFirst();
        assertThat(request.model()).isEqualTo(MODEL);
        assertThat(request.streamed()).isFalse();
        assertThat(request.format().path("type").asString()).isEqualTo("object");
        assertThat(request.options().path("temperature").asInt()).isZero();
        assertThat(request.content("system")).isEqualTo("classify");
        assertThat(request.content("user")).isEqualTo("oi");
    }

    @Test
    void aChatWithoutStreamIsStreamedAsNdjsonAsOllamaDefaults() throws Exception {
        ollama.replyWith("{\"intent\":\"greet\"}");

        HttpResponse<String> response = chat("""
                {"model": "%s", "messages": [{"role": "user", "content": "oi"}]}""".formatted(MODEL));

        assertThat(response.headers().firstValue("Content-Type")).contains("application/x-ndjson");
        List<JsonNode> chunks = response.body().lines().map(JSON::readTree).toList();
        assertThat(chunks).hasSizeGreaterThan(2);
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(
                chunk -> assertThat(chunk.path("done").asBoolean()).isFalse());
        assertThat(chunks.getLast().path("done").asBoolean()).isTrue();
        String content = String.join("", chunks.stream()
                .map(chunk -> chunk.path("message").path("content").asString()).toList());
        assertThat(content).isEqualTo("{\"intent\":\"greet\"}");
        assertThat(ollama.chatRequests().getFirst().streamed()).isTrue();
    }

    @Test
    void anUnknownModelIsNotFound() throws Exception {
        HttpResponse<String> response = chat("""
                {"model": "llama3:70b", "stream": false, "messages": [{"role": "user", "content": "oi"}]}""");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).path("error").asString())
                .isEqualTo("model \"llama3:70b\" not found, try pulling it first");
    }

    @Test
    void failuresAndMalformedBodiesAreWhatWasScripted() throws Exception {
        ollama.failWith(500, "llama runner process has terminated: signal: killed");
        HttpResponse<String> failed = chat(simpleChat());
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(failed.body()).path("error").asString()).startsWith("llama runner");

        ollama.replyMalformed();
        HttpResponse<String> malformed = chat(simpleChat());
        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> JSON.readTree(malformed.body())).isInstanceOf(Exception.class);
    }

    @Test
    void aDelayedReplyOutlastsAShortTimeoutAndCloseReleasesIt() {
        ollama.delayReplies(Duration.ofSeconds(30));
        var request = HttpRequest.newBuilder(ollama.baseUrl().resolve("/api/chat"))
                .timeout(Duration.ofMillis(200))
                .POST(HttpRequest.BodyPublishers.ofString(simpleChat())).build();

        long started = System.nanoTime();
        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(ollama.chatRequests()).hasSize(1);
    }

    @Test
    void otherPathsAreNotFound() throws Exception {
        assertThat(get("/api/nothing").statusCode()).isEqualTo(404);
        assertThat(ollama.requestCount()).isEqualTo(1);
    }

    private static String simpleChat() {
        return """
                {"model": "%s", "stream": false, "messages": [{"role": "user", "content": "oi"}]}""".formatted(MODEL);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(ollama.baseUrl().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> chat(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(ollama.baseUrl() + "/api/chat"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
