package dev.wareg.cloudapi.outbound;

import dev.wareg.platform.defaults.ServiceClients;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the messages endpoint of the Graph API with the business number's token. Every answer becomes a {@link
 * GraphResponse}; nothing is thrown, since what to do about a failure is the caller's decision.
 */
class GraphApiClient {

    // A template, so that the client metrics' uri tag is the template and not the business number's id.
    private static final String MESSAGES = "/{version}/{phoneNumberId}/messages";

    private final RestClient http;
    private final String version;
    private final String phoneNumberId;
    private final JsonMapper json;

    GraphApiClient(RestClient.Builder builder, GraphApiProperties properties, JsonMapper json) {
        this.http = builder.baseUrl(properties.baseUrl().toString())
                .requestFactory(ServiceClients.requestFactory(properties.timeout()))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.accessToken())
                .build();
        this.version = properties.version();
        this.phoneNumberId = properties.phoneNumberId();
        this.json = json;
    }

    GraphResponse post(Map<String, Object> body) {
        try {
            return http.post().uri(MESSAGES, version, phoneNumberId)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        JsonNode answer = parse(response.getBody().readAllBytes());
                        if (response.getStatusCode().is2xxSuccessful()) {
                            return new GraphResponse.Accepted(
                                    answer.path("messages").path(0).path("id").asString(""));
                        }
                        return new GraphResponse.Failed(status, answer.path("error").path("code").asInt(0));
                    });
        } catch (RestClientException e) {
            return new GraphResponse.Failed(0, 0);
        }
    }

    // A proxy in front of Meta may answer with HTML; such an answer carries no error code, only its status.
    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? json.missingNode() : json.readTree(body);
        } catch (JacksonException e) {
            return json.missingNode();
        }
    }
}
