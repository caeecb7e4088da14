package dev.wareg.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local server that plays the WhatsApp Web channel's Baileys sidecar for the Java side, following the contract in
 * {@code docs/channels.md}, so the channel is tested without a WhatsApp session:
 * <ul>
 *   <li>{@code POST /messages} takes {@code {id, to, text}} only with {@code X-Wareg-Signature-256} the HMAC of the
 *   body with the shared secret (else 401), as {@code application/json} with every member a non-empty string (else
 *   400); it answers {@code 200 {"messageId"}} and sends each {@code id} once: a repeat gets the first answer and
 *   is not sent again;</li>
 *   <li>{@code POST /erasures} takes {@code {id, senders}} (signed, else 401; {@code senders} a non-empty list of
 *   strings, else 400) and answers 200 {@code {"forgotten":{}}}: it holds nothing to forget, it records the call;</li>
 *   <li>{@code GET /health} answers 200 {@code {"state":"open"}}, or 503 with the state set by {@link
 *   #disconnect(String)};</li>
 *   <li>{@link #forward(URI, Map)} does what the sidecar does with a message from WhatsApp: signs it and posts it to
 *   the channel's {@code /whatsapp-web/messages}.</li>
 * </ul>
 * Failures the real sidecar answers for reasons a test cannot produce (rate limits, a lost session, a crash) are
 * queued with {@link #failNext(int, Duration)} (for either route, whichever comes next). Every request to {@code
 * /messages} is recorded with its answer, in the order they were answered, and so is every one to {@code
 * /erasures}, apart.
 */
public final class FakeWhatsAppWebSidecar implements AutoCloseable {

    public static final String SIGNATURE_HEADER = "X-Wareg-Signature-256";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One request to {@code /messages} and what the fake answered.
     *
     * @param body   the body as JSON, or a JSON string with the raw text when it was not JSON
     * @param status the answer's status
     */
    public record Call(JsonNode body, int status) {

        public String id() {
            return string("id");
        }

        public String to() {
            return string("to");
        }

        public String text() {
            return string("text");
        }

        public boolean accepted() {
            return status == 200;
        }

        private String string(String member) {
            JsonNode value = body.path(member);
            return value.isString() ? value.asString() : null;
        }
    }

    private record Failure(int status, Duration retryAfter) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String secret;
    private final AtomicLong sequence = new AtomicLong();

    private final Object lock = new Object();
    private final List<Call> calls = new ArrayList<>();
    private final List<Call> erasures = new ArrayList<>();
    private final Deque<Failure> queued = new ArrayDeque<>();
    private final Map<String, String> sentIds = new HashMap<>();
    private String disconnectedState;

    private FakeWhatsAppWebSidecar(int port, String secret) throws IOException {
        this.secret = Objects.requireNonNull(secret, "secret");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                route(exchange);
            } catch (IOException e) {
                // The client gave up: nobody is left to answer.
            }
        });
        server.start();
    }

    /** On a free port, with this shared secret. */
    public static FakeWhatsAppWebSidecar start(String secret) {
        return start(0, secret);
    }

    public static FakeWhatsAppWebSidecar start(int port, String secret) {
        try {
            return new FakeWhatsAppWebSidecar(port, secret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next send is answered with this status (429, 500, 503, ...) instead of being sent. */
    public void failNext(int status) {
        failNext(status, null);
    }

    /** As {@link #failNext(int)}, with a {@code Retry-After} in whole seconds when {@code retryAfter} is set. */
    public void failNext(int status, Duration retryAfter) {
        synchronized (lock) {
            queued.add(new Failure(status, retryAfter));
        }
    }

    /** Health turns 503 with this state ({@code close}, {@code logged-out}, ...) and every send is answered 503. */
    public void disconnect(String state) {
        synchronized (lock) {
            disconnectedState = Objects.requireNonNull(state, "state");
        }
    }

    public void reconnect() {
        synchronized (lock) {
            disconnectedState = null;
        }
    }

    /** Every call to {@code /messages}, in the order answered. */
    public List<Call> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    /** Every call to {@code /erasures}, in the order answered. */
    public List<Call> erasures() {
        synchronized (lock) {
            return List.copyOf(erasures);
        }
    }

    /** The calls that were sent to WhatsApp (a repeat of an id is not sent again). */
    public List<Call> sent() {
        synchronized (lock) {
            var firstOfEach = new ArrayList<Call>();
            var ids = new java.util.HashSet<String>();
            for (Call call : calls) {
                if (call.accepted() && ids.add(call.id())) {
                    firstOfEach.add(call);
                }
            }
            return firstOfEach;
        }
    }

    /** Waits until a message to {@code to} matching {@code condition} was sent, or {@code patience} has passed. */
    public Optional<Call> awaitSent(String to, Predicate<Call> condition, Duration patience)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        do {
            Optional<Call> match = sent().stream().filter(call -> to.equals(call.to())).filter(condition).findFirst();
            if (match.isPresent()) {
                return match;
            }
            Thread.sleep(20);
        } while (Instant.now().isBefore(deadline));
        return Optional.empty();
    }

    /**
     * Forwards a message to the Java channel as the sidecar does: {@code message} (the contract's members) as JSON,
     * signed, to {@code channelBaseUrl + /whatsapp-web/messages}. Returns the channel's answer.
     */
    public HttpResponse<String> forward(URI channelBaseUrl, Map<String, ?> message) throws IOException,
            InterruptedException {
        byte[] body = JSON.writeValueAsBytes(message);
        var request = HttpRequest.newBuilder(channelBaseUrl.resolve("/whatsapp-web/messages"))
                .header("Content-Type", "application/json")
                .header(SIGNATURE_HEADER, signature(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The signature header value of {@code body} with this fake's secret. */
    public String signature(byte[] body) {
        return MetaWebhooks.signature(secret, body);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if ("GET".equals(method) && "/health".equals(path)) {
            String state;
            synchronized (lock) {
                state = disconnectedState;
            }
            respond(exchange, state == null ? 200 : 503, Map.of("state", state == null ? "open" : state), null);
            return;
        }
        if ("POST".equals(method) && "/erasures".equals(path)) {
            erasure(exchange);
            return;
        }
        if (!"POST".equals(method) || !"/messages".equals(path)) {
            respond(exchange, 404, problem(404, "Not found"), null);
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        JsonNode parsed = parse(body);
        String signed = exchange.getRequestHeaders().getFirst(SIGNATURE_HEADER);
        synchronized (lock) {
            if (signed == null || !MessageDigest.isEqual(signed.getBytes(StandardCharsets.UTF_8),
                    signature(body).getBytes(StandardCharsets.UTF_8))) {
                answer(exchange, parsed, 401, problem(401, "Invalid signature"), null);
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType == null || !contentType.startsWith("application/json") || !wellFormed(parsed)) {
                answer(exchange, parsed, 400, problem(400, "Not a message: id, to and text must be strings"), null);
                return;
            }
            String id = parsed.path("id").asString();
            String sentAs = sentIds.get(id);
            if (sentAs != null) {
                answer(exchange, parsed, 200, Map.of("messageId", sentAs), null);
                return;
            }
            if (disconnectedState != null) {
                answer(exchange, parsed, 503, Map.of("state", disconnectedState), null);
                return;
            }
            Failure failure = queued.poll();
            if (failure != null) {
                answer(exchange, parsed, failure.status(), problem(failure.status(), "Failing on demand"),
                        failure.retryAfter());
                return;
            }
            String messageId = "3EB0FAKE" + sequence.incrementAndGet();
            sentIds.put(id, messageId);
            answer(exchange, parsed, 200, Map.of("messageId", messageId), null);
        }
    }

    private void erasure(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        JsonNode parsed = parse(body);
        String signed = exchange.getRequestHeaders().getFirst(SIGNATURE_HEADER);
        int status;
        Object answer;
        synchronized (lock) {
            Failure failure;
            if (signed == null || !MessageDigest.isEqual(signed.getBytes(StandardCharsets.UTF_8),
                    signature(body).getBytes(StandardCharsets.UTF_8))) {
                status = 401;
                answer = problem(401, "Invalid signature");
            } else if (!parsed.isObject() || !nonEmpty(parsed.path("id")) || !parsed.path("senders").isArray()
                    || parsed.path("senders").isEmpty()) {
                status = 400;
                answer = problem(400, "Not an erasure: id and senders");
            } else if ((failure = queued.poll()) != null) {
                status = failure.status();
                answer = problem(failure.status(), "Failing on demand");
            } else {
                status = 200;
                answer = Map.of("forgotten", Map.of());
            }
            erasures.add(new Call(parsed, status));
        }
        respond(exchange, status, answer, null);
    }

    private static boolean wellFormed(JsonNode body) {
        return body.isObject() && nonEmpty(body.path("id")) && nonEmpty(body.path("to"))
                && body.path("text").isString();
    }

    private static boolean nonEmpty(JsonNode node) {
        return node.isString() && !node.asString().isBlank();
    }

    private void answer(HttpExchange exchange, JsonNode body, int status, Object answer, Duration retryAfter)
            throws IOException {
        calls.add(new Call(body, status));
        respond(exchange, status, answer, retryAfter);
    }

    private static Map<String, Object> problem(int status, String title) {
        return Map.of("type", "about:blank", "title", title, "status", status);
    }

    private static void respond(HttpExchange exchange, int status, Object body, Duration retryAfter)
            throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type",
                status >= 400 && body instanceof Map<?, ?> map && map.containsKey("title")
                        ? "application/problem+json" : "application/json");
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(retryAfter.toSeconds()));
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return JSON.getNodeFactory().stringNode(new String(body, StandardCharsets.UTF_8));
        }
    }
}
