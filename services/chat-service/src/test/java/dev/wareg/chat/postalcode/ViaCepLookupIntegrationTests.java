package dev.wareg.chat.postalcode;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.wareg.chat.conversation.PostalAddress;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.client.RestClient;

/**
 * The ViaCEP adapter against a local server that speaks ViaCEP's protocol (https://viacep.com.br/): a known CEP,
 * both shapes of "unknown", and every way the service can fail to answer, none of which reaches the conversation.
 */
@ExtendWith(OutputCaptureExtension.class)
class ViaCepLookupIntegrationTests {

    /** As ViaCEP sends it for 01310-100, every field included. */
    private static final String PAULISTA = """
            {
              "cep": "01310-100",
              "logradouro": "Avenida Paulista",
              "complemento": "",
              "unidade": "",
              "bairro": "Bela Vista",
              "localidade": "São Paulo",
              "uf": "SP",
              "estado": "São Paulo",
              "regiao": "Sudeste",
              "ibge": "3550308",
              "gia": "1004",
              "ddd": "11",
              "siafi": "7107"
            }""";

    /** A town with a single CEP: ViaCEP sends empty strings for street and district. */
    private static final String JAGUARUANA = """
            {
              "cep": "62823-000",
              "logradouro": "",
              "complemento": "",
              "unidade": "",
              "bairro": "",
              "localidade": "Jaguaruana",
              "uf": "CE",
              "estado": "Ceará",
              "regiao": "Nordeste",
              "ibge": "2307007",
              "gia": "",
              "ddd": "88",
              "siafi": "1441"
            }""";

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private HttpServer server;
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile Answer answer = exchange -> respond(exchange, 200, PAULISTA);

    interface Answer {
        void send(HttpExchange exchange) throws IOException, InterruptedException;
    }

    @BeforeEach
    void startViaCep() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getRawPath());
            try {
                answer.send(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void aKnownCepIsTheAddressWithEmptyPartsAsNull() {
        assertThat(lookup().find("01310-100"))
                .contains(new PostalAddress("01310-100", "Avenida Paulista", "Bela Vista", "São Paulo", "SP"));
        assertThat(paths).containsExactly("/ws/01310100/json/");

        answer = exchange -> respond(exchange, 200, JAGUARUANA);
        assertThat(lookup().find("62823-000"))
                .contains(new PostalAddress("62823-000", null, null, "Jaguaruana", "CE"));
    }

    @Test
    void anUnknownCepIsEmptyWhetherErroIsAStringOrABoolean(CapturedOutput output) {
        answer = exchange -> respond(exchange, 200, "{\n  \"erro\": \"true\"\n}");
        assertThat(lookup().find("99999-999")).isEmpty();

        answer = exchange -> respond(exchange, 200, "{\"erro\": true}");
        assertThat(lookup().find("99999-999")).isEmpty();

        assertThat(paths).containsExactly("/ws/99999999/json/", "/ws/99999999/json/");
        assertThat(output).doesNotContain("ViaCEP lookup failed");
    }

    @Test
    void aSlowAnswerIsEmptyOnceTheTimeoutRunsOut(CapturedOutput output) {
        answer = exchange -> {
            release.await(10, TimeUnit.SECONDS);
            respond(exchange, 200, PAULISTA);
        };

        long started = System.nanoTime();
        assertThat(lookup().find("01310-100")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(output).contains("ViaCEP lookup failed (timeout)").doesNotContain("01310");
    }

    @Test
    void anAnswerWhoseBodyStallsIsEmptyOnceTheTimeoutRunsOut(CapturedOutput output) {
        answer = exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("{\"cep\": \"01310-100\",".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            release.await(10, TimeUnit.SECONDS);
        };

        long started = System.nanoTime();
        assertThat(lookup().find("01310-100")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(output).contains("ViaCEP lookup failed (response cut off: timeout or I/O error)")
                .doesNotContain("01310");
    }

    @Test
    void aServerErrorIsEmpty(CapturedOutput output) {
        answer = exchange -> respond(exchange, 500, "<html><body>Internal Server Error</body></html>");
        assertThat(lookup().find("01310-100")).isEmpty();
        assertThat(output).contains("ViaCEP lookup failed (HTTP 500)").doesNotContain("01310");
    }

    @Test
    void aMalformedCepRefusedWithBadRequestIsEmpty() {
        answer = exchange -> respond(exchange, 400, "<h3>Http 400</h3>");
        assertThat(lookup().find("01310-100")).isEmpty();
    }

    @Test
    void anUnreadableAnswerIsEmpty(CapturedOutput output) {
        answer = exchange -> respond(exchange, 200, "{\"cep\": \"01310-100\", \"logradouro\": ");
        assertThat(lookup().find("01310-100")).isEmpty();

        answer = exchange -> respond(exchange, 200, "{\"cep\": \"01310-100\"}");
        assertThat(lookup().find("01310-100")).isEmpty();

        assertThat(output).contains("ViaCEP lookup failed (unreadable response)").doesNotContain("01310");
    }

    @Test
    void aRefusedConnectionIsEmpty(CapturedOutput output) throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var lookup = new ViaCepLookup(RestClient.builder(), URI.create("http://127.0.0.1:" + closedPort), TIMEOUT);

        assertThat(lookup.find("01310-100")).isEmpty();
        assertThat(output).contains("ViaCEP lookup failed (connection refused)").doesNotContain("01310");
    }

    @Test
    void whatIsNotANormalisedCepIsNotLookedUp() {
        var lookup = lookup();
        for (String notACep : List.of("01310100", "0131-0100", "01310-10", "../../x", "")) {
            assertThat(lookup.find(notACep)).isEmpty();
        }
        assertThat(lookup.find(null)).isEmpty();
        assertThat(paths).isEmpty();
    }

    private ViaCepLookup lookup() {
        return new ViaCepLookup(RestClient.builder(),
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), TIMEOUT);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type",
                status < 300 ? "application/json; charset=utf-8" : "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
