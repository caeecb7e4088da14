package dev.wareg.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Without {@code WHATSAPP_APP_SECRET} the embedded default is the web chat alone: nobody can post to a webhook. */
@StandaloneTest
class CloudApiOffByDefaultIntegrationTests extends StandaloneTest.Base {

    @Test
    void thereIsNoWebhook() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/webhook"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
    }
}
