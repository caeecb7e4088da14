package dev.wareg.worker.updates;

import dev.wareg.contracts.AccountErasureRequested;
import dev.wareg.contracts.FieldChange;
import dev.wareg.contracts.RegistrationUpdateRejected.ReasonCode;
import dev.wareg.contracts.RegistrationUpdateRequested;
import dev.wareg.platform.defaults.ServiceAuthProperties;
import dev.wareg.platform.defaults.ServiceClients;
import dev.wareg.platform.defaults.ServiceKeys;
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
 * request is not applied twice, and also the correlation id of the audit trail. Erasures are
 * {@code DELETE /v1/accounts/{id}} naming the conversation that asked, so that account-api's announcement
 * ({@code AccountErased}) answers it. It authenticates as client {@code update-worker}, its tokens signed with its own
 * key ({@code wareg.worker.client-key}), asking for the scopes to read, write and erase accounts; account-api grants
 * no more than it configured for the client.
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
                new ServiceTokens(properties.worker().clientId(),
                        List.of("accounts:read", "accounts:write", "accounts:erase"),
                        ServiceKeys.privateKey("wareg.worker.client-key", properties.worker().clientKey()), auth,
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

    /**
     * Erases the account. {@code DELETE} has no {@code Idempotency-Key}: an erasure cannot be applied twice anyway,
     * and a repeat answers 410. The request's event id goes as the correlation id into the audit trail instead, so a
     * 410 after an attempt whose answer was lost (or a redelivery after the worker died) is recognised as this
     * request's own erasure rather than refused.
     */
    AccountErasure erase(AccountErasureRequested request) {
        try {
            int status = http.delete().uri("/v1/accounts/{id}", request.accountId())
                    .header("X-Correlation-Id", request.eventId().toString())
                    .header("X-Channel", request.channel())
                    .header("X-Conversation-Id", request.conversationId())
                    .exchange((httpRequest, response) -> response.getStatusCode().value());
            if (status == 410) {
                return erasedBy(request) ? new AccountErasure.Erased()
                        : new AccountErasure.Refused(ReasonCode.UNKNOWN_ACCOUNT, "account-api answered 410");
            }
            return erasureOutcomeOf(status);
        } catch (RestClientException e) {
            return new AccountErasure.Failed("account-api could not be reached: " + e.getClass().getSimpleName());
        }
    }

    /** Whether the account's erasure, newest in its audit trail, was made for this request. */
    private boolean erasedBy(AccountErasureRequested request) {
        Map<String, Object> page = http.get().uri("/v1/accounts/{id}/changes?size=1", request.accountId())
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(JSON_OBJECT);
        if (page == null || !(page.get("items") instanceof List<?> items) || items.isEmpty()
                || !(items.getFirst() instanceof Map<?, ?> newest)) {
            return false;
        }
        return "erased".equals(newest.get("kind"))
                && request.eventId().toString().equals(newest.get("correlationId"));
    }

    private static AccountErasure erasureOutcomeOf(int status) {
        String reason = "account-api answered " + status;
        if (status >= 200 && status < 300) {
            return new AccountErasure.Erased();
        }
        return switch (status) {
            case 404 -> new AccountErasure.Refused(ReasonCode.UNKNOWN_ACCOUNT, reason);
            // Unlike 401 (a token not taken, as during a key rotation), 403 says the token was read and lacks
            // accounts:erase: the settings are wrong, and retrying for seconds will not change them. The request
            // waits as a dead letter for an operator to re-drive once the scope is granted.
            case 403 -> new AccountErasure.Refused(ReasonCode.UNAVAILABLE, reason + ": the token lacks accounts:erase");
            case 401, 408, 429 -> new AccountErasure.Failed(reason);
            default -> status >= 500 ? new AccountErasure.Failed(reason)
                    : new AccountErasure.Refused(ReasonCode.UNAVAILABLE, reason);
        };
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
