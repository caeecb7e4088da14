package dev.wareg.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local server that speaks Ollama's HTTP API as far as a chat client sees it
 * (<a href="https://github.com/ollama/ollama/blob/main/docs/api.md">docs/api.md</a>): {@code GET /api/tags} lists
 * the models it was started with, and {@code POST /api/chat} answers with whatever the test scripted, in the
 * shapes and with the quirks of the real server. No model runs: the assistant's content is the script.
 * <ul>
 *   <li>{@code stream} is true when the request leaves it out, and then the answer is NDJSON
 *       ({@code application/x-ndjson}): chunks with {@code "done": false} and a piece of the content each, then one
 *       with {@code "done": true}, an empty content, {@code done_reason} and the durations;</li>
 *   <li>with {@code "stream": false} the answer is one JSON object with the whole content and {@code "done": true};</li>
 *   <li>a model it does not have is 404 {@code {"error": "model \"x\" not found, try pulling it first"}};</li>
 *   <li>errors are JSON objects with one {@code error} string.</li>
 * </ul>
 * Every chat request is recorded, as sent, for assertions.
 */
public final class FakeOllama implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant MODIFIED_AT = Instant.parse("2025-01-20T13:02:11.355219Z");

    /** One chat request as the fake received it. */
    public record ChatRequest(String model, List<Message> messages, Boolean stream, JsonNode format, JsonNode options,
            String body) {

        /** Whether the answer is streamed: Ollama streams unless told {@code "stream": false}. */
        public boolean streamed() {
            return stream == null || stream;
        }

        /** The content of the first message with this role, or null. */
        public String content(String role) {
            return messages.stream().filter(message -> role.equals(message.role())).map(Message::content)
                    .findFirst().orElse(null);
        }
    }

    public record Message(String role, String content) {
    }

    private sealed interface Reply {
    }

    /** @param streamed true, false, or null to stream as the request asks */
    private record Content(String content, Boolean streamed) implements Reply {
    }

    private record Failure(int status, String error) implements Reply {
    }

    private record Malformed() implements Reply {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<String> models;
    private final List<ChatRequest> chatRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Reply reply = new Content("{}", null);
    private volatile Duration delay = Duration.ZERO;

    private FakeOllama(Set<String> models) throws IOException {
        this.models = models;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                route(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // The client gave up (a timeout): nobody is left to answer.
            }
        });
        server.start();
    }

    /** Starts a fake Ollama on a free port of 127.0.0.1 that has these models pulled. */
    public static FakeOllama start(String... models) {
        try {
            return new FakeOllama(Set.of(models));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** From now on, the assistant answers this content: one JSON object, or streamed when the request asks. */
    public FakeOllama replyWith(String content) {
        reply = new Content(content, null);
        return this;
    }

    /** From now on, the assistant's content comes streamed in pieces, even to a request with {@code "stream": false}. */
    public FakeOllama replyStreamed(String content) {
        reply = new Content(content, true);
        return this;
    }

    /** From now on, chat requests fail with this status and an {@code {"error": ...}} body. */
    public FakeOllama failWith(int status, String error) {
        reply = new Failure(status, error);
        return this;
    }

    /** From now on, chat answers are 200 with a body cut off in the middle of the JSON. */
    public FakeOllama replyMalformed() {
        reply = new Malformed();
        return this;
    }

    /** From now on, chat answers wait this long before the status line is sent (until {@link #close()}). */
    public FakeOllama delayReplies(Duration delay) {
        this.delay = Objects.requireNonNull(delay, "delay");
        return this;
    }

    /** The chat requests received so far, oldest first. */
    public List<ChatRequest> chatRequests() {
        return List.copyOf(chatRequests);
    }

    /** Every request received so far, whatever its path. */
    public int requestCount() {
        return requests.get();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void route(HttpExchange exchange) throws IOException, InterruptedException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/api/tags") && method.equals("GET")) {
            send(exchange, 200, "application/json; charset=utf-8", tags().toString());
        } else if (path.equals("/api/chat") && method.equals("POST")) {
            chat(exchange);
        } else {
            // Ollama's router (gin) answers unknown routes in plain text.
            send(exchange, 404, "text/plain", "404 page not found");
        }
    }

    private void chat(HttpExchange exchange) throws IOException, InterruptedException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (JacksonException e) {
            sendError(exchange, 400, "invalid character in request body");
            return;
        }
        if (!request.isObject()) {
            sendError(exchange, 400, "invalid request body");
            return;
        }
        var chat = chatRequest(request, body);
        chatRequests.add(chat);
        if (!delay.isZero() && closing.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
            return;
        }
        if (chat.model() == null || chat.model().isBlank()) {
            sendError(exchange, 400, "model is required");
            return;
        }
        if (!models.contains(chat.model())) {
            sendError(exchange, 404, "model \"" + chat.model() + "\" not found, try pulling it first");
            return;
        }
        switch (reply) {
            case Failure failure -> sendError(exchange, failure.status(), failure.error());
            case Malformed malformed -> send(exchange, 200, "application/json; charset=utf-8",
                    "{\"model\":\"" + chat.model() + "\",\"created_at\":\"" + Instant.now()
                            + "\",\"message\":{\"role\":\"assistant\",\"content\":\"{\\\"intent");
            case Content content -> {
                boolean streamed = content.streamed() != null ? content.streamed() : chat.streamed();
                if (streamed) {
                    stream(exchange, chat.model(), content.content());
                } else {
                    ObjectNode answer = chunk(chat.model(), content.content(), true);
                    send(exchange, 200, "application/json; charset=utf-8", answer.toString());
                }
            }
        }
    }

    private static ChatRequest chatRequest(JsonNode request, String body) {
        List<Message> messages = new ArrayList<>();
        for (JsonNode message : request.path("messages")) {
            messages.add(new Message(text(message.get("role")), text(message.get("content"))));
        }
        JsonNode stream = request.get("stream");
        return new ChatRequest(text(request.get("model")), List.copyOf(messages),
                stream == null || stream.isNull() ? null : stream.asBoolean(), request.get("format"),
                request.get("options"), body);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    /** NDJSON, one chunk a line, each flushed, as Ollama sends tokens while it generates them. */
    private static void stream(HttpExchange exchange, String model, String content) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (String piece : pieces(content)) {
            out.write((chunk(model, piece, false) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        out.write((chunk(model, "", true) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Token-sized pieces: a few characters each, never splitting a surrogate pair. */
    private static List<String> pieces(String content) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < content.length()) {
            int end = Math.min(content.length(), start + 4);
            if (end < content.length() && Character.isHighSurrogate(content.charAt(end - 1))) {
                end++;
            }
            pieces.add(content.substring(start, end));
            start = end;
        }
        return pieces;
    }

    private static ObjectNode chunk(String model, String content, boolean done) {
        ObjectNode chunk = JSON.createObjectNode();
        chunk.put("model", model);
        chunk.put("created_at", Instant.now().toString());
        ObjectNode message = chunk.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        chunk.put("done", done);
        if (done) {
            chunk.put("done_reason", "stop");
            chunk.put("total_duration", 812_345_678L);
            chunk.put("load_duration", 12_345_678L);
            chunk.put("prompt_eval_count", 212);
            chunk.put("prompt_eval_duration", 301_234_567L);
            chunk.put("eval_count", 24);
            chunk.put("eval_duration", 498_765_432L);
        }
        return chunk;
    }

    private ObjectNode tags() {
        ObjectNode tags = JSON.createObjectNode();
        var list = tags.putArray("models");
        for (String name : models.stream().sorted().toList()) {
            ObjectNode model = list.addObject();
            model.put("name", name);
            model.put("model", name);
            model.put("modified_at", MODIFIED_AT.toString());
            model.put("size", 397_821_319L);
            model.put("digest", "a8b0c51577010a279d933d14c2a8ab4b268079d44c5c8830c0a93900f1827c67");
            ObjectNode details = model.putObject("details");
            details.put("parent_model", "");
            details.put("format", "gguf");
            details.put("family", "qwen2");
            details.putArray("families").add("qwen2");
            details.put("parameter_size", "494.03M");
            details.put("quantization_level", "Q4_K_M");
        }
        return tags;
    }

    private static void sendError(HttpExchange exchange, int status, String error) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", error);
        send(exchange, status, "application/json; charset=utf-8", body.toString());
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
