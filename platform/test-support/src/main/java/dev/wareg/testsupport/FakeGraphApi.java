package dev.wareg.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local server that answers {@code POST /{version}/{phone-number-id}/messages} as Meta's WhatsApp Cloud API does
 * (<a href="https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages">messages reference</a>),
 * refusing what Meta refuses, so a client is tested against the real rules without a Meta account:
 * <ul>
 *   <li>the {@code Authorization: Bearer} token must be the one it was started with, else 401 with code 190;</li>
 *   <li>the version must look like {@code v23.0} and the phone-number id be digits, else 400 with code 100, as
 *       Graph answers for an object it does not know;</li>
 *   <li>the body must be JSON sent as {@code application/json}; text, reply buttons, lists and templates are held
 *       to Meta's lengths and counts ({@code GraphMessageRules}), else 400 with code 131009 (a rule broken) or
 *       100 (a parameter missing);</li>
 *   <li>a send is answered with the {@code contacts} and a fresh {@code wamid} in {@code messages}, a read receipt
 *       with {@code {"success": true}}.</li>
 * </ul>
 * Errors Meta answers for reasons a test cannot produce (a rate limit, the 24-hour window, an expired token, an
 * outage) are queued with {@link #failNext(GraphError)}, and a per-phone-number throughput limit is set with
 * {@link #rateLimit(int)}. Every request to the messages endpoint is recorded with the answer it got, refused or
 * not, in the order they were answered; {@code GET /calls} lists them as JSON, for demos.
 *
 * <p>Meta usually reports an undeliverable message or a closed 24-hour window later, in a {@code failed} status
 * webhook after a 200; queued errors answer at once, which is what a client sees in the rarer synchronous case.
 * A message answered after its client gave up (see {@link #delayResponses(Duration)}) still counts as sent, as at
 * Meta: a timeout does not mean the message did not go.
 */
public final class FakeGraphApi implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern MESSAGES_PATH = Pattern.compile("/([^/]+)/([^/]+)/messages/?");
    private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+");
    private static final Pattern PHONE_NUMBER_ID = Pattern.compile("\\d+");
    private static final String TRACE_ID_CHARACTERS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    private static final Duration RATE_WINDOW = Duration.ofSeconds(1);

    /**
     * One request to the messages endpoint and what the fake answered.
     *
     * @param authorization the {@code Authorization} header as sent, or null
     * @param body the request body as JSON, or a JSON string with the raw text when it was not JSON
     * @param response the body of the answer: the message ids, {@code {"success": true}} or the error
     */
    public record Call(String version, String phoneNumberId, String authorization, JsonNode body, int status,
            JsonNode response) {

        /** The phone number it was sent to, or the business-scoped user id when there is no phone, else null. */
        public String to() {
            String to = string(body.path("to"));
            return to != null ? to : string(body.path("recipient"));
        }

        /**
         * The message type ({@code text}, {@code interactive}, {@code template}, ...), {@code read} for a read
         * receipt, {@code text} for a text sent without a type (Meta's default), else null.
         */
        public String type() {
            String type = string(body.path("type"));
            if (type != null) {
                return type;
            }
            if (readReceipt()) {
                return "read";
            }
            return body.has("text") ? "text" : null;
        }

        /** What the user reads: the text's body, or an interactive message's body, else null. */
        public String text() {
            String text = string(body.path("text").path("body"));
            return text != null ? text : string(body.path("interactive").path("body").path("text"));
        }

        /** The titles of the reply buttons, or of the list's rows in order, else empty. */
        public List<String> buttonTitles() {
            JsonNode action = body.path("interactive").path("action");
            Stream<JsonNode> choices = action.has("buttons")
                    ? action.path("buttons").values().stream().map(button -> button.path("reply"))
                    : action.path("sections").values().stream()
                            .flatMap(section -> section.path("rows").values().stream());
            return choices.map(choice -> string(choice.path("title"))).filter(Objects::nonNull).toList();
        }

        public boolean accepted() {
            return status == 200;
        }

        /** The error code Meta answered, or null when accepted. */
        public Integer errorCode() {
            JsonNode code = response.path("error").path("code");
            return code.isNumber() ? code.asInt() : null;
        }

        boolean readReceipt() {
            return GraphMessageRules.isReadReceipt(body);
        }

        private String describe() {
            var line = new StringBuilder().append(status).append(' ').append(type()).append(" to ").append(to());
            if (text() != null) {
                line.append(" \"").append(text()).append('"');
            }
            if (!accepted()) {
                line.append(": ").append(string(response.path("error").path("message")));
                String details = string(response.path("error").path("error_data").path("details"));
                if (details != null) {
                    line.append(" (").append(details).append(')');
                }
            }
            return line.toString();
        }

        private static String string(JsonNode node) {
            return node.isString() ? node.asString() : null;
        }
    }

    /**
     * An error as Graph answers it: {@code {"error": {"message", "type", "code", "error_subcode", "error_data":
     * {"messaging_product", "details"}, "fbtrace_id"}}}, the subcode and the error data only when set. The message
     * is Meta's verbatim, "(#code) " included where Meta puts it.
     */
    public record GraphError(int httpStatus, int code, String type, String message, Integer subcode, String details) {

        public GraphError {
            if (httpStatus < 400 || httpStatus > 599) {
                throw new IllegalArgumentException("an error's HTTP status is 4xx or 5xx: " + httpStatus);
            }
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(message, "message");
        }

        /** Cloud API throughput (messages per second per business phone number) reached. */
        public static GraphError rateLimited() {
            return new GraphError(400, 130429, "OAuthException", "(#130429) Rate limit hit", null,
                    "Cloud API message throughput has been reached.");
        }

        /** Too many messages to the same user in a short time. */
        public static GraphError pairRateLimited() {
            return new GraphError(400, 131056, "OAuthException",
                    "(#131056) (Business Account, Consumer Account) pair rate limit hit", null,
                    "Message failed to send because there were too many messages sent from this phone number to the"
                            + " same phone number in a short period of time.");
        }

        /** More than 24 hours since the user last wrote: only a template may be sent. */
        public static GraphError reEngagement() {
            return new GraphError(400, 131047, "OAuthException", "(#131047) Re-engagement message", null,
                    "Message failed to send because more than 24 hours have passed since the customer last replied"
                            + " to this number.");
        }

        /** The number is not on WhatsApp, or the message cannot reach it. */
        public static GraphError unavailable() {
            return new GraphError(400, 131026, "OAuthException", "(#131026) Message undeliverable", null,
                    "Message Undeliverable.");
        }

        /** The token was right once but has expired (subcode 463). */
        public static GraphError tokenExpired() {
            return new GraphError(401, 190, "OAuthException", "Error validating access token: Session has expired on"
                    + " Tuesday, 01-Jul-25 10:00:00 PDT. The current time is Tuesday, 01-Jul-25 11:00:00 PDT.", 463,
                    null);
        }

        /** Meta's own failure; worth a retry. */
        public static GraphError serverError() {
            return new GraphError(500, 131000, "OAuthException", "(#131000) Something went wrong", null,
                    "Something went wrong");
        }

        /** What a token other than the configured one gets. */
        public static GraphError invalidToken() {
            return new GraphError(401, 190, "OAuthException", "Invalid OAuth access token - Cannot parse access token",
                    null, null);
        }

        /** A parameter that is there but breaks a rule; the details say which. */
        public static GraphError invalidParameter(String details) {
            return new GraphError(400, 131009, "OAuthException", "(#131009) Parameter value is not valid", null,
                    Objects.requireNonNull(details, "details"));
        }

        /** A required parameter left out, named as Graph names it ({@code text['body']}). */
        public static GraphError missingParameter(String parameter) {
            return badParameter("(#100) The parameter " + parameter + " is required.");
        }

        static GraphError badParameter(String message) {
            return new GraphError(400, 100, "OAuthException", message, null, null);
        }

        /** Graph's answer to a path whose version or object id it does not know, or to a method the edge lacks. */
        static GraphError unsupportedRequest(String method, String objectId) {
            return new GraphError(400, 100, "GraphMethodException", "Unsupported " + method.toLowerCase(Locale.ROOT)
                    + " request. Object with ID '" + objectId + "' does not exist, cannot be loaded due to missing"
                    + " permissions, or does not support this operation. Please read the Graph API documentation at"
                    + " https://developers.facebook.com/docs/graph-api", 33, null);
        }

        ObjectNode body(String traceId) {
            ObjectNode body = JSON.createObjectNode();
            ObjectNode error = body.putObject("error");
            error.put("message", message);
            error.put("type", type);
            error.put("code", code);
            if (subcode != null) {
                error.put("error_subcode", subcode);
            }
            if (details != null) {
                ObjectNode data = error.putObject("error_data");
                data.put("messaging_product", "whatsapp");
                data.put("details", details);
            }
            error.put("fbtrace_id", traceId);
            return body;
        }
    }

    private record Answer(int status, ObjectNode body) {
    }

    private final HttpServer server;
    // Requests wait out delayResponses() without holding a thread of a pool others need.
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final String accessToken;
    private final Clock clock;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicLong messageSequence = new AtomicLong();

    // One lock for the record, the queue and the rate windows, so the order of calls() is the order the queued
    // errors and the rate limit were applied in.
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition recorded = lock.newCondition();
    private final List<Call> calls = new ArrayList<>();
    private final Deque<GraphError> queuedErrors = new ArrayDeque<>();
    private final Map<String, Deque<Instant>> recentSends = new HashMap<>();
    private int sentCount;
    private int messagesPerSecond;
    private volatile Duration delay = Duration.ZERO;

    private FakeGraphApi(int port, String accessToken, Clock clock) throws IOException {
        this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
        this.clock = Objects.requireNonNull(clock, "clock");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
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

    /** Starts a fake Graph API on a free port of 127.0.0.1 that accepts this access token. */
    public static FakeGraphApi start(String accessToken) {
        return start(0, accessToken);
    }

    /** Starts a fake Graph API on this port of 127.0.0.1 (0: a free one) that accepts this access token. */
    public static FakeGraphApi start(int port, String accessToken) {
        return start(port, accessToken, Clock.systemUTC());
    }

    /** As {@link #start(int, String)}, with the clock the rate limit's one-second windows are measured on. */
    public static FakeGraphApi start(int port, String accessToken, Clock clock) {
        try {
            return new FakeGraphApi(port, accessToken, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the fake on its own, for demos, until the process is stopped. Port and token from the arguments, else
     * from {@code FAKE_GRAPH_PORT} (8099) and {@code FAKE_GRAPH_TOKEN} ({@code fake-token}); prints the base URL.
     */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args.length > 0 ? args[0] : environment("FAKE_GRAPH_PORT", "8099"));
        String token = args.length > 1 ? args[1] : environment("FAKE_GRAPH_TOKEN", "fake-token");
        FakeGraphApi api = start(port, token);
        Runtime.getRuntime().addShutdownHook(new Thread(api::close));
        System.out.println(api.baseUrl());
        api.closing.await();
    }

    private static String environment(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Scheme, host and port; clients add {@code /v23.0/{phone-number-id}/messages}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every request to the messages endpoint so far, accepted or refused, oldest first. */
    public List<Call> calls() {
        lock.lock();
        try {
            return List.copyOf(calls);
        } finally {
            lock.unlock();
        }
    }

    /** The accepted calls that sent a message, oldest first; read receipts are not messages. */
    public List<Call> sent() {
        return calls().stream().filter(call -> call.accepted() && !call.readReceipt()).toList();
    }

    /** The accepted read receipts, oldest first. */
    public List<Call> readReceipts() {
        return calls().stream().filter(call -> call.accepted() && call.readReceipt()).toList();
    }

    /**
     * Waits until at least {@code count} messages were sent and returns {@link #sent()}; an {@link AssertionError}
     * listing every call received so far when they were not, within the timeout.
     */
    public List<Call> awaitSent(int count, Duration timeout) {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (sentCount < count) {
                if (left <= 0) {
                    throw new AssertionError(notSent(count, timeout));
                }
                left = recorded.awaitNanos(left);
            }
            return sent();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + count + " sent messages", e);
        } finally {
            lock.unlock();
        }
    }

    private String notSent(int count, Duration timeout) {
        var message = new StringBuilder().append("expected at least ").append(count).append(" sent messages within ")
                .append(timeout).append(", got ").append(sentCount).append(" in ").append(calls.size())
                .append(" calls");
        for (Call call : calls) {
            message.append("\n  ").append(call.describe());
        }
        return message.toString();
    }

    /** The next call that would have been accepted gets this error instead; errors queue in order. */
    public FakeGraphApi failNext(GraphError error) {
        return failNext(1, error);
    }

    /** The next {@code times} calls that would have been accepted get this error instead. */
    public FakeGraphApi failNext(int times, GraphError error) {
        Objects.requireNonNull(error, "error");
        lock.lock();
        try {
            for (int i = 0; i < times; i++) {
                queuedErrors.addLast(error);
            }
        } finally {
            lock.unlock();
        }
        return this;
    }

    /**
     * At most this many messages accepted in any one second per phone-number id; more get
     * {@link GraphError#rateLimited()}. Read receipts are not counted. 0 turns the limit off, as it starts.
     */
    public FakeGraphApi rateLimit(int messagesPerSecond) {
        if (messagesPerSecond < 0) {
            throw new IllegalArgumentException("messagesPerSecond must be 0 (off) or more: " + messagesPerSecond);
        }
        lock.lock();
        try {
            this.messagesPerSecond = messagesPerSecond;
        } finally {
            lock.unlock();
        }
        return this;
    }

    /** From now on, answers wait this long after the call was recorded (until {@link #close()}). */
    public FakeGraphApi delayResponses(Duration delay) {
        this.delay = Objects.requireNonNull(delay, "delay");
        return this;
    }

    /** Forgets the calls, the queued errors, the rate limit and the delay, as if just started. */
    public void reset() {
        lock.lock();
        try {
            calls.clear();
            sentCount = 0;
            queuedErrors.clear();
            recentSends.clear();
            messagesPerSecond = 0;
            delay = Duration.ZERO;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void route(HttpExchange exchange) throws IOException, InterruptedException {
        String path = exchange.getRequestURI().getPath();
        Matcher messages = MESSAGES_PATH.matcher(path);
        if (messages.matches()) {
            messages(exchange, messages.group(1), messages.group(2));
        } else if (path.equals("/calls") && exchange.getRequestMethod().equals("GET")) {
            send(exchange, 200, callsAsJson());
        } else {
            var unknown = new GraphError(404, 2500, "OAuthException", "Unknown path components: " + path, null, null);
            send(exchange, 404, unknown.body(traceId()));
        }
    }

    private void messages(HttpExchange exchange, String version, String phoneNumberId)
            throws IOException, InterruptedException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode body = parse(text);
        GraphError refusal = refusal(exchange.getRequestMethod(), version, phoneNumberId, authorization, contentType,
                body);

        Answer answer;
        lock.lock();
        try {
            answer = answer(phoneNumberId, body, refusal);
            var call = new Call(version, phoneNumberId, authorization, body, answer.status(), answer.body());
            calls.add(call);
            if (call.accepted() && !call.readReceipt()) {
                sentCount++;
            }
            recorded.signalAll();
        } finally {
            lock.unlock();
        }
        if (!delay.isZero() && closing.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
            return;
        }
        send(exchange, answer.status(), answer.body());
    }

    /** What Graph refuses before anything queued or rate-limited is considered, in the order Graph checks. */
    private GraphError refusal(String method, String version, String phoneNumberId, String authorization,
            String contentType, JsonNode body) {
        if (!hasToken(authorization)) {
            return GraphError.invalidToken();
        }
        if (!VERSION.matcher(version).matches()) {
            return GraphError.unsupportedRequest(method, version);
        }
        if (!method.equals("POST") || !PHONE_NUMBER_ID.matcher(phoneNumberId).matches()) {
            return GraphError.unsupportedRequest(method, phoneNumberId);
        }
        // Graph reads other bodies as form parameters, and then finds none of the required ones.
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return GraphError.missingParameter("messaging_product");
        }
        if (!body.isObject()) {
            return GraphError.badParameter("(#100) Invalid parameter");
        }
        return GraphMessageRules.refusal(body);
    }

    private boolean hasToken(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && authorization.substring(7).strip().equals(accessToken);
    }

    /** Called holding the lock: queued errors and the rate limit come after Graph's own checks, in this order. */
    private Answer answer(String phoneNumberId, JsonNode body, GraphError refusal) {
        GraphError error = refusal;
        if (error == null) {
            error = queuedErrors.pollFirst();
        }
        boolean readReceipt = GraphMessageRules.isReadReceipt(body);
        if (error == null && !readReceipt && overRateLimit(phoneNumberId)) {
            error = GraphError.rateLimited();
        }
        if (error != null) {
            return new Answer(error.httpStatus(), error.body(traceId()));
        }
        if (readReceipt) {
            ObjectNode success = JSON.createObjectNode();
            success.put("success", true);
            return new Answer(200, success);
        }
        return new Answer(200, messageSent(body));
    }

    private boolean overRateLimit(String phoneNumberId) {
        Instant now = clock.instant();
        Deque<Instant> window = recentSends.computeIfAbsent(phoneNumberId, id -> new ArrayDeque<>());
        while (!window.isEmpty() && !window.peekFirst().isAfter(now.minus(RATE_WINDOW))) {
            window.pollFirst();
        }
        if (messagesPerSecond > 0 && window.size() >= messagesPerSecond) {
            return true;
        }
        window.addLast(now);
        return false;
    }

    private ObjectNode messageSent(JsonNode body) {
        ObjectNode sent = JSON.createObjectNode();
        sent.put("messaging_product", "whatsapp");
        ObjectNode contact = sent.putArray("contacts").addObject();
        if (body.has("to")) {
            String to = body.path("to").asString();
            contact.put("input", to);
            contact.put("wa_id", to.startsWith("+") ? to.substring(1) : to);
        } else {
            String recipient = body.path("recipient").asString();
            contact.put("input", recipient);
            contact.put("user_id", recipient);
        }
        ObjectNode message = sent.putArray("messages").addObject();
        message.put("id", messageId());
        // Templates are paced by Meta: the answer says the message was accepted, not yet sent.
        if ("template".equals(body.path("type").asString())) {
            message.put("message_status", "accepted");
        }
        return sent;
    }

    /** Unique and shaped like Meta's: "wamid." and base64. */
    private String messageId() {
        UUID random = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(24).putLong(random.getMostSignificantBits())
                .putLong(random.getLeastSignificantBits()).putLong(messageSequence.incrementAndGet());
        return "wamid." + Base64.getEncoder().encodeToString(bytes.array());
    }

    private static String traceId() {
        var random = ThreadLocalRandom.current();
        var id = new StringBuilder("A");
        for (int i = 0; i < 22; i++) {
            id.append(TRACE_ID_CHARACTERS.charAt(random.nextInt(TRACE_ID_CHARACTERS.length())));
        }
        return id.toString();
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode json = JSON.readTree(text);
            // An empty body reads as a missing node, which has no place in GET /calls.
            return json.isMissingNode() ? JSON.getNodeFactory().stringNode(text) : json;
        } catch (JacksonException e) {
            return JSON.getNodeFactory().stringNode(text);
        }
    }

    /** Without the Authorization header: a demo's screen is no place for a token. */
    private ArrayNode callsAsJson() {
        ArrayNode list = JSON.createArrayNode();
        for (Call call : calls()) {
            ObjectNode item = list.addObject();
            item.put("version", call.version());
            item.put("phoneNumberId", call.phoneNumberId());
            item.put("to", call.to());
            item.put("type", call.type());
            item.put("status", call.status());
            item.set("body", call.body());
            item.set("response", call.response());
        }
        return list;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        var headers = exchange.getResponseHeaders();
        headers.add("Content-Type", "application/json; charset=UTF-8");
        JsonNode error = body.path("error");
        if (error.has("fbtrace_id")) {
            headers.add("x-fb-trace-id", error.path("fbtrace_id").asString());
        }
        if (status == 401) {
            // As Graph: the reason again, in the challenge (RFC 6750).
            headers.add("WWW-Authenticate", "OAuth \"Facebook Platform\" \"invalid_token\" \""
                    + error.path("message").asString() + "\"");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
