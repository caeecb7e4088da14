package dev.wareg.account.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import dev.wareg.platform.defaults.ServiceAuthProperties;
import dev.wareg.platform.defaults.ServiceKeys;
import dev.wareg.platform.defaults.ServiceTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** account-api over HTTP as a client with a signed token sees it; the tests' side of the wire. */
final class ApiClient {

    static final List<String> ALL_SCOPES = List.of("accounts:read", "accounts:write", "accounts:erase");
    /**
     * The clients the tests' account-api knows ({@link #trustTheTestClients}) and the scopes it gives each; a client
     * asking for fewer gets fewer. Each has its own key, made once per test run and kept in memory.
     */
    static final Map<String, List<String>> CLIENTS = Map.of(
            "test-client", ALL_SCOPES,
            "reader", List.of("accounts:read", "accounts:write"),
            "writer", List.of("accounts:write"),
            "linker", List.of("accounts:link"),
            "privacy-desk", List.of("accounts:erase"),
            "operator", ALL_SCOPES,
            "other-client", List.of("accounts:read", "accounts:write"),
            "update-worker", ALL_SCOPES,
            "chat-service", List.of("accounts:read", "accounts:link"));
    private static final Map<String, ECKey> KEYS = new ConcurrentHashMap<>();
    private static final ServiceAuthProperties AUTH = new ServiceAuthProperties("wareg", "account-api");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final Clock clock;
    private final String clientId;
    private final List<String> scopes;

    ApiClient(int port, Clock clock) {
        this(port, clock, "test-client", ALL_SCOPES);
    }

    private ApiClient(int port, Clock clock, String clientId, List<String> scopes) {
        this.port = port;
        this.clock = clock;
        this.clientId = clientId;
        this.scopes = scopes;
    }

    /** The same API as another client, with only these scopes. */
    ApiClient as(String otherClientId, String... otherScopes) {
        return new ApiClient(port, clock, otherClientId, List.of(otherScopes));
    }

    String authorization() {
        return new ServiceTokens(clientId, scopes, key(clientId), AUTH, clock).authorization();
    }

    /** Gives the tests' account-api every client of {@link #CLIENTS}: its public key and its scopes. */
    static void trustTheTestClients(DynamicPropertyRegistry registry) {
        CLIENTS.forEach((client, scopes) -> {
            registry.add("wareg.account-api.clients." + client + ".public-key",
                    () -> ServiceKeys.publicPem(key(client)));
            registry.add("wareg.account-api.clients." + client + ".scopes", () -> String.join(",", scopes));
        });
    }

    /** The key pair of a client; one account-api does not know gets one of its own too. */
    static ECKey key(String client) {
        return KEYS.computeIfAbsent(client, any -> ServiceKeys.generate());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    HttpResponse<String> get(String path) {
        return send(request(path).header("Accept", "application/json"));
    }

    HttpResponse<String> post(String path, String json, String... headers) {
        var request = request(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(json));
        return send(headers.length == 0 ? request : request.headers(headers));
    }

    HttpResponse<String> patch(String id, String ifMatch, String body, String... headers) {
        var request = request("/v1/accounts/" + id)
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(headers.length == 0 ? request : request.headers(headers));
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    /** Sends with this client's token. */
    HttpResponse<String> send(HttpRequest.Builder request) {
        return sendRaw(request.setHeader("Authorization", authorization()));
    }

    /** Sends exactly what the builder holds: no token unless it sets one. */
    HttpResponse<String> sendRaw(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers an account and answers its JSON. */
    JsonNode register(String phone) {
        var response = post("/v1/accounts", """
                {"phone": "%s", "name": "Maria Souza", "email": "maria@example.com"}""".formatted(phone));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type")).as(response.body()).isNotNull();
        assertThat(problem.get("type").stringValue()).isEqualTo(type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").stringValue()).isNotBlank();
        assertThat(problem.get("detail").stringValue()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "trace", "dev.wareg");
    }
}
