package dev.wareg.chat.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.chat.ChatServiceApplication;
import dev.wareg.platform.defaults.ServiceKeys;
import dev.wareg.testsupport.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A staffed chat that lists no staff tool and no identity provider opens the queue to no token, even when the
 * application has a {@link JwtDecoder} of its own: in the embedded default that is account-api's client table, whose
 * clients are not staff tools.
 */
@SpringBootTest(classes = {ChatServiceApplication.class, StaffQueueWithoutToolsIntegrationTests.AnotherDecoder.class},
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=chat-service", "wareg.chat.handoff.staffed=true"})
class StaffQueueWithoutToolsIntegrationTests {

    private static final TestPostgres.Schema schema = TestPostgres.freshSchema();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        schema.registerAsDataSource(registry);
        registry.add("wareg.chat.client-key", () -> ServiceKeys.privatePem(ServiceKeys.generate()));
    }

    /** A decoder that takes any token as one with both staff scopes, as a careless client table might. */
    @TestConfiguration
    static class AnotherDecoder {

        @Bean
        JwtDecoder anotherServicesDecoder() {
            return token -> Jwt.withTokenValue(token).header("alg", "ES256").subject("chat-service")
                    .claim("scope", "handoffs:read handoffs:write").build();
        }
    }

    @LocalServerPort
    int port;

    @Test
    void noTokenOpensTheQueue() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/handoffs"))
                .header("Authorization", "Bearer anything").GET().build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }
}
