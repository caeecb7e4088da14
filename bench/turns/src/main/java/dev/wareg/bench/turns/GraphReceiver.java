package dev.wareg.bench.turns;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the bot's replies arrive: {@code POST /{version}/{phone-number-id}/messages} answered as Meta's Graph API
 * answers it (a {@code wamid} for a message, {@code {"success": true}} for a read receipt), with the time each reply
 * arrived handed to the load. It checks the bearer token and nothing else: what the channel may send is held to
 * Meta's rules by {@code FakeGraphApi} in the tests, and here it must cost the machine as little as possible.
 */
final class GraphReceiver implements AutoCloseable {

    /** What the load does with a reply: the recipient's digits (Meta's {@code to}), its text, when it arrived. */
    interface Replies {
        void replied(String toDigits, String text, long nanos);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] READ = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final AtomicLong ids = new AtomicLong();

    private GraphReceiver(HttpServer server) {
        this.server = server;
    }

    static GraphReceiver start(int port, String token, Replies replies) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
            var receiver = new GraphReceiver(server);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> receiver.answer(exchange, "Bearer " + token, replies));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange, String authorization, Replies replies) throws IOException {
        try (exchange) {
            byte[] request = exchange.getRequestBody().readAllBytes();
            long arrived = System.nanoTime();
            if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"error\":{\"message\":\"Invalid OAuth access token.\","
                        + "\"type\":\"OAuthException\",\"code\":190}}");
                return;
            }
            JsonNode body = JSON.readTree(request);
            if ("read".equals(body.path("status").asString(""))) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, READ.length);
                exchange.getResponseBody().write(READ);
                return;
            }
            String to = body.path("to").asString("");
            replies.replied(to, text(body), arrived);
            send(exchange, 200, "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to
                    + "\",\"wa_id\":\"" + to + "\"}],\"messages\":[{\"id\":\"wamid.bench" + ids.incrementAndGet()
                    + "\"}]}");
        }
    }

    /** The words the person would read: a text's body, an interactive message's body, or a template's name. */
    private static String text(JsonNode body) {
        return switch (body.path("type").asString("")) {
            case "text" -> body.path("text").path("body").asString("");
            case "interactive" -> body.path("interactive").path("body").path("text").asString("");
            default -> body.path("template").path("name").asString("");
        };
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
