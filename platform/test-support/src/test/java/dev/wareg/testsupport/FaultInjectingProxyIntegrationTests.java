package dev.wareg.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectingProxyIntegrationTests {

    private HttpServer server;
    private FaultInjectingProxy proxy;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String answer = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("If-Match") + " " + new String(body, StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("ETag", "\"4\"");
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        proxy = FaultInjectingProxy.start(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        proxy.close();
        server.stop(0);
    }

    @Test
    void withoutAFaultTheRequestAndTheResponseGoThroughUnchanged() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(proxy.uri().resolve("/v1/accounts/1?x=2"))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"email\":\"a@b.com\"}"))
                .header("If-Match", "\"3\"").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("ETag")).hasValue("\"4\"");
        assertThat(response.body()).isEqualTo("PATCH /v1/accounts/1?x=2 \"3\" {\"email\":\"a@b.com\"}");
        assertThat(proxy.forwarded()).isEqualTo(1);
    }

    @Test
    void aServerErrorFaultAnswers500WithoutReachingTheServer() throws Exception {
        proxy.inject(FaultInjectingProxy.Fault.SERVER_ERROR);

        var response = client.send(HttpRequest.newBuilder(proxy.uri().resolve("/v1/accounts")).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(proxy.forwarded()).isZero();
        assertThat(proxy.failed()).isEqualTo(1);
    }

    @Test
    void aTimeoutFaultHoldsTheRequestUntilTheClientGivesUp() {
        proxy.inject(FaultInjectingProxy.Fault.TIMEOUT);

        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(proxy.uri().resolve("/v1/accounts"))
                .timeout(Duration.ofMillis(300)).build(), HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(proxy.forwarded()).isZero();
    }
}
