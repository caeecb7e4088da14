package dev.wareg.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.platform.defaults.ServiceKeys;
import dev.wareg.testsupport.TestPostgres;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service as a whole: its own configuration file, health and API documentation. With the profile dev, since the
 * API docs are served only there (service-defaults).
 */
@ActiveProfiles("dev")
@SpringBootTest(classes = AccountApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=account-api"})
class AccountApiApplicationIntegrationTests {

    private static final TestPostgres.Schema schema = TestPostgres.freshSchema();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        schema.registerAsDataSource(registry);
        registry.add("wareg.account-api.clients.chat-service.public-key",
                () -> ServiceKeys.publicPem(ServiceKeys.generate()));
        registry.add("wareg.account-api.clients.chat-service.scopes", () -> "accounts:read,accounts:link");
    }

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void itReadsItsOwnPropertiesFileNotApplicationProperties() throws Exception {
        assertThat(environment.getProperty("spring.application.name")).isEqualTo("account-api");
        // A library may ship one (Microsoft's azure-servicebus-jms does, with its version in it): it is never read,
        // and the service itself ships none.
        assertThat(environment.getProperty("azure.servicebus.jms.version")).isNull();
        for (String name : new String[] {"application.properties", "application.yml"}) {
            assertThat(Collections.list(getClass().getClassLoader().getResources(name)))
                    .allSatisfy(found -> assertThat(found.getProtocol()).as("%s outside a library jar", found)
                            .isEqualTo("jar"));
        }
    }

    @Test
    void healthIsUp() throws Exception {
        var response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"UP\"");
    }

    @Test
    void theApiIsDocumented() throws Exception {
        var response = get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/v1/accounts", "/v1/accounts/{id}", "Accounts",
                "Register an account", "application/merge-patch+json");
    }

    /**
     * The committed document is the API's contract: a change to the served one must be deliberate. To accept a
     * change, copy {@code target/openapi/account-api.json} over {@code docs/openapi/account-api.json}.
     */
    @Test
    void theServedApiDocumentIsTheCommittedOne() throws Exception {
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        ObjectNode served = (ObjectNode) json.readTree(get("/v3/api-docs").body());
        served.remove("servers"); // the test's random port
        String document = json.writeValueAsString(json.treeToValue(served, Map.class)) + "\n";
        Path generated = Path.of("target/openapi/account-api.json");
        Files.createDirectories(generated.getParent());
        Files.writeString(generated, document);

        Path committed = Path.of("../../docs/openapi/account-api.json");
        assertThat(committed).as("docs/openapi/account-api.json is missing; copy " + generated + " there").exists();
        assertThat(Files.readString(committed))
                .as("The served OpenAPI document differs from docs/openapi/account-api.json. If the change is"
                        + " intended, copy services/account-api/" + generated + " there.")
                .isEqualTo(document);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                BodyHandlers.ofString());
    }
}
