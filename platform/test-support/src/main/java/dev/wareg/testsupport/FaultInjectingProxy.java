package dev.wareg.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An HTTP proxy on 127.0.0.1 in front of a real server that fails on demand, to see what a client does when the
 * server answers 500s or stops answering. In {@link Fault#NONE} it forwards every request unchanged (method,
 * path, query, headers, body) and answers with the server's response.
 */
public final class FaultInjectingProxy implements AutoCloseable {

    /** What the proxy does with the next requests. */
    public enum Fault {
        /** Forward to the server. */
        NONE,
        /** Answer 500 without forwarding. */
        SERVER_ERROR,
        /** Hold the request without answering (until the client gives up or the fault is lifted), then 504. */
        TIMEOUT
    }

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "keep-alive",
            "transfer-encoding", "upgrade", "te", "trailer", "proxy-authorization", "proxy-authenticate");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicReference<Fault> fault = new AtomicReference<>(Fault.NONE);
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    private FaultInjectingProxy(URI target, HttpServer server) {
        this.target = target;
        this.server = server;
    }

    /** Starts a proxy for {@code target} (scheme, host and port) on a free port of 127.0.0.1. */
    public static FaultInjectingProxy start(URI target) throws IOException {
        var proxy = new FaultInjectingProxy(target, HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        proxy.server.createContext("/", proxy::handle);
        proxy.server.setExecutor(proxy.threads);
        proxy.server.start();
        return proxy;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void inject(Fault next) {
        fault.set(next);
    }

    /** Requests passed on to the server, and requests answered with a fault. */
    public long forwarded() {
        return forwarded.get();
    }

    public long failed() {
        return failed.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            switch (fault.get()) {
                case SERVER_ERROR -> answerFailure(exchange, 500);
                case TIMEOUT -> {
                    while (fault.get() == Fault.TIMEOUT && !Thread.currentThread().isInterrupted()) {
                        sleep();
                    }
                    answerFailure(exchange, 504);
                }
                case NONE -> forward(exchange, body);
            }
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        var request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            answerFailure(exchange, 502);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answerFailure(exchange, 502);
            return;
        }
        forwarded.incrementAndGet();
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        try (InputStream in = response.body()) {
            byte[] answer = in.readAllBytes();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    private void answerFailure(HttpExchange exchange, int status) throws IOException {
        failed.incrementAndGet();
        exchange.sendResponseHeaders(status, -1);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        fault.set(Fault.NONE);
        server.stop(0);
        threads.shutdownNow();
        client.close();
    }
}
