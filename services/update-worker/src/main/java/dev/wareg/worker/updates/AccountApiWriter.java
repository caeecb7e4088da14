package dev.wareg.worker.updates;

import dev.wareg.contracts.FieldChange;
import dev.wareg.contracts.RegistrationUpdateRejected.ReasonCode;
import dev.wareg.contracts.RegistrationUpdateRequested;
import dev.wareg.platform.defaults.ServiceAuthProperties;
import dev.wareg.platform.defaults.ServiceClients;
import dev.wareg.platform.defaults.ServiceTokens;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Applies one update request through account-api's HTTP API, the same calls whether it runs in the same JVM
 * or apart: {@code POST /v1/accounts} to register, {@code PATCH /v1/accounts/{id}} with a JSON Merge Patch
 * (RFC 7396) and {@code If-Match} to update. The event id is the {@code Idempotency-Key}, so a redelivered
 * request is not applied twice, and also the correlation id of the audit trail. It authenticates as client
 * {@code update-worker} with the scopes to read and write accounts.
 */
@Component
class AccountApiWriter {

    private static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    private final RestClient http;

    AccountApiWriter(RestClient.Builder builder, WorkerProperties properties, ServiceAuthProperties auth,
            Clock clock) {
        this.http = ServiceClients.create(builder, properties.accountApi().baseUrl(), properties.accountApi().timeout(),
                new ServiceTokens(properties.worker().clientId(), List.of("accounts:read", "accounts:write"), auth,
                        clock));
    }

    AccountWrite apply(RegistrationUpdateRequested request) {
        Map<String, Object> body = mergePatch(request);
        try {
            RestClient.RequestBodySpec call;
            if (request.isRegistration()) {
                body.put("phone", request.sender());
                call = http.post().uri("/v1/accounts").contentType(MediaType.APPLICATION_JSON);
            } else {
                call = http.patch().uri("/v1/accounts/{id}", request.accountId()).contentType(MERGE_PATCH)
                        .header("If-Match", "\"" + request.expectedVersion() + "\"");
            }
            return call.header("Idempotency-Key", request.eventId().toString())
                    .header("X-Correlation-Id", request.eventId().toString())
                    .header("X-Channel", request.channel())
                    .accept(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange((httpRequest, response) -> {
                        int status = response.getStatusCode().value();
                        if (response.getStatusCode().is2xxSuccessful()) {
                            Map<String, Object> account = response.bodyTo(JSON_OBJECT);
                            return new AccountWrite.Applied(UUID.fromString(String.valueOf(account.get("id"))),
                                    ((Number) account.get("version")).longValue());
                        }
                        return outcomeOf(status);
                    });
        } catch (RestClientException e) {
            return new AccountWrite.Failed("account-api could not be reached: " + e.getClass().getSimpleName());
        }
    }

    private static AccountWrite outcomeOf(int status) {
        String reason = "account-api answered " + status;
        return switch (status) {
            case 404, 410 -> new AccountWrite.Refused(ReasonCode.UNKNOWN_ACCOUNT, reason);
            case 409 -> new AccountWrite.Refused(ReasonCode.CONFLICT, reason);
            case 412 -> new AccountWrite.Refused(ReasonCode.STALE_VERSION, reason);
            // 401 and 403 say this worker's service token was not taken: its key is being rotated or the settings
            // are wrong. The person's value was never looked at, so it is no refusal of the value; trying again may
            // work once every service runs on the new key, and if not, the request is kept as a dead letter.
            case 401, 403, 408, 429 -> new AccountWrite.Failed(reason);
            default -> status >= 500 ? new AccountWrite.Failed(reason)
                    : new AccountWrite.Refused(ReasonCode.INVALID_VALUE, reason);
        };
    }

    /** The new values as a JSON object, dotted API properties ({@code address.city}) becoming nested objects. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mergePatch(RegistrationUpdateRequested request) {
        Map<String, Object> patch = new LinkedHashMap<>();
        for (Map.Entry<String, FieldChange> change : request.changes().entrySet()) {
            String[] path = change.getKey().split("\\.");
            Map<String, Object> node = patch;
            for (int i = 0; i < path.length - 1; i++) {
                node = (Map<String, Object>) node.computeIfAbsent(path[i], name -> new LinkedHashMap<String, Object>());
            }
            node.put(path[path.length - 1], change.getValue().newValue());
        }
        return patch;
    }
}
