package dev.wareg.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.testsupport.FreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded default as a developer runs it to look inside: with the profile dev it serves the OpenAPI document and
 * Swagger UI, and with {@code wareg.chat.interpret-endpoint.enabled} the interpreter, to callers on this machine.
 * Without them: {@code
 * SkeletonDialogueIntegrationTests.everyApplicationAnswersHealthAndMetricsButNoDebuggingToolsByDefault}.
 */
@ActiveProfiles("dev")
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = WebEnvironment.DEFINED_PORT,
        properties = {"wareg.chat.interpret-endpoint.enabled=true"})
class StandaloneDevToolsIntegrationTests {

    private static final int PORT = FreePorts.next();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        StandaloneTest.Base.trustTheTestClients(registry);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theApiDocsAndSwaggerUiAreServedAndSwaggerUiRunsOnlyItsOwnScripts() throws Exception {
        var docs = get("/v3/api-docs");
        var swagger = get("/swagger");

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/v1/accounts", "/api/interpret");
        assertThat(swagger.statusCode()).isEqualTo(200);
        assertThat(swagger.uri().getPath()).startsWith("/swagger-ui/");
        assertThat(swagger.body()).contains("swagger-initializer.js").doesNotContain("<script>");
        assertThat(swagger.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("script-src 'self';", "frame-ancestors 'none'"));
        assertThat(swagger.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void theInterpreterAnswersACallerOnThisMachine() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/interpret"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"quero mudar meu emial\", \"lang\": \"pt\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var meaning = JSON.readTree(response.body());
        assertThat(meaning.get("intent").asString()).isEqualTo("UPDATE");
        assertThat(meaning.get("targetFields").get(0).asString()).isEqualTo("email");
        assertThat(meaning.get("confidence").asDouble()).isBetween(0.0, 1.0);
    }
}
