package dev.wareg.whatsappweb;

import dev.wareg.platform.defaults.ServiceClients;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sidecar's own {@code GET /health}, which reflects its WhatsApp session: UP while it answers 2xx, DOWN while
 * it answers anything else (not paired, logged out, replaced by another session), UNKNOWN while it cannot be
 * reached. Unreachable is not DOWN: the sidecar restarts on its own and sends are retried meanwhile, and an
 * embedded default without a sidecar must not report itself broken. Only the sidecar's {@code state} is passed on;
 * its other members may name the paired phone.
 */
class SidecarHealth implements HealthIndicator {

    private final RestClient http;
    private final JsonMapper json;

    SidecarHealth(RestClient.Builder builder, WhatsAppWebProperties properties, JsonMapper json) {
        this.http = builder.clone().baseUrl(properties.sidecarUrl().toString())
                .requestFactory(ServiceClients.requestFactory(properties.healthTimeout())).build();
        this.json = json;
    }

    @Override
    public Health health() {
        try {
            return http.get().uri("/health").exchange((request, response) -> {
                Health.Builder health = response.getStatusCode().is2xxSuccessful() ? Health.up() : Health.down();
                health.withDetail("sidecarStatus", response.getStatusCode().value());
                String state = state(response.getBody().readAllBytes());
                if (state != null) {
                    health.withDetail("state", state);
                }
                return health.build();
            });
        } catch (RestClientException e) {
            return Health.unknown().withDetail("reason", "sidecar unreachable").build();
        }
    }

    private String state(byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            JsonNode state = root.has("state") ? root.path("state") : root.path("status");
            return state.isString() ? state.asString() : null;
        } catch (JacksonException notJson) {
            return null;
        }
    }
}
