package dev.wareg.chat.accountapi;

import dev.wareg.chat.ChatProperties;
import dev.wareg.chat.conversation.AccountDirectory;
import dev.wareg.chat.conversation.AccountSnapshot;
import dev.wareg.chat.conversation.SenderDirectory;
import dev.wareg.fields.Field;
import dev.wareg.fields.RegistrationFields;
import dev.wareg.platform.defaults.ServiceAuthProperties;
import dev.wareg.platform.defaults.ServiceClients;
import dev.wareg.platform.defaults.ServiceKeys;
import dev.wareg.platform.defaults.ServiceTokens;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reads accounts from account-api over HTTP ({@code GET /v1/accounts?phone=}, {@code ?sender=}) and links sender ids
 * to them ({@code PUT /v1/accounts/{id}/senders/{channel}:{senderId}}), as client {@code chat-service}, its tokens
 * signed with its own key ({@code wareg.chat.client-key}): scope {@code accounts:read}, and {@code accounts:link},
 * which links and changes nothing else; account-api grants no more than it configured for the client.
 */
@Component
@EnableConfigurationProperties(AccountApiProperties.class)
class AccountApiDirectory implements AccountDirectory, SenderDirectory {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    private final RestClient http;

    AccountApiDirectory(RestClient.Builder builder, AccountApiProperties properties, ChatProperties chat,
            ServiceAuthProperties auth, Clock clock) {
        this.http = ServiceClients.create(builder, properties.baseUrl(), properties.timeout(),
                new ServiceTokens(chat.clientId(), List.of("accounts:read", "accounts:link"),
                        ServiceKeys.privateKey("wareg.chat.client-key", chat.clientKey()), auth, clock));
    }

    @Override
    public Optional<AccountSnapshot> findByPhone(String phone) {
        return find("phone", phone);
    }

    @Override
    public Optional<AccountSnapshot> findBySender(String channel, String sender) {
        return find("sender", channel + ':' + sender);
    }

    @Override
    public boolean link(UUID accountId, String channel, String sender) {
        try {
            return http.put()
                    .uri("/v1/accounts/{id}/senders/{sender}", accountId, channel + ':' + sender)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        // Gone or never there; or a sender id account-api cannot keep (400), which is no outage.
                        if (status == HttpStatus.NOT_FOUND.value() || status == HttpStatus.GONE.value()
                                || status == HttpStatus.BAD_REQUEST.value()) {
                            return false;
                        }
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            throw new AccountDirectoryUnavailable("account-api answered " + status, null);
                        }
                        return true;
                    });
        } catch (RestClientException e) {
            throw new AccountDirectoryUnavailable("account-api could not be reached", e);
        }
    }

    private Optional<AccountSnapshot> find(String parameter, String value) {
        try {
            return http.get()
                    .uri(uri -> uri.path("/v1/accounts").queryParam(parameter, "{value}").build(value))
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        // A sender id account-api cannot keep (400) has no account: no outage either.
                        if (status == HttpStatus.NOT_FOUND.value()
                                || status == HttpStatus.BAD_REQUEST.value() && parameter.equals("sender")) {
                            return Optional.empty();
                        }
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            throw new AccountDirectoryUnavailable(
                                    "account-api answered " + response.getStatusCode().value(), null);
                        }
                        return Optional.of(snapshot(response.bodyTo(JSON_OBJECT)));
                    });
        } catch (RestClientException e) {
            throw new AccountDirectoryUnavailable("account-api could not be reached", e);
        }
    }

    private static AccountSnapshot snapshot(Map<String, Object> account) {
        Map<String, String> values = new HashMap<>();
        for (Field field : Stream.concat(RegistrationFields.ASKED.stream(), Stream.of(RegistrationFields.PHONE)).toList()) {
            Object value = property(account, field.apiProperty());
            values.put(field.name(), value == null ? null : value.toString());
        }
        return new AccountSnapshot(UUID.fromString(String.valueOf(account.get("id"))),
                ((Number) account.get("version")).longValue(), values);
    }

    /** Follows a dotted API property ({@code address.city}) into nested objects. */
    private static Object property(Map<String, Object> json, String path) {
        Object node = json;
        for (String name : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> object)) {
                return null;
            }
            node = object.get(name);
        }
        return node;
    }
}
