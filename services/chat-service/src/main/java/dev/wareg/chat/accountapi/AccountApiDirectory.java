package dev.wareg.chat.accountapi;

import dev.wareg.chat.ChatProperties;
import dev.wareg.chat.conversation.AccountDirectory;
import dev.wareg.chat.conversation.AccountSnapshot;
import dev.wareg.fields.Field;
import dev.wareg.fields.RegistrationFields;
import dev.wareg.platform.defaults.ServiceAuthProperties;
import dev.wareg.platform.defaults.ServiceClients;
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

/** Reads accounts from account-api over HTTP ({@code GET /v1/accounts?phone=}), as client {@code chat-service}. */
@Component
@EnableConfigurationProperties(AccountApiProperties.class)
class AccountApiDirectory implements AccountDirectory {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    private final RestClient http;

    AccountApiDirectory(RestClient.Builder builder, AccountApiProperties properties, ChatProperties chat,
            ServiceAuthProperties auth, Clock clock) {
        this.http = ServiceClients.create(builder, properties.baseUrl(), properties.timeout(),
                new ServiceTokens(chat.clientId(), List.of("accounts:read"), auth, clock));
    }

    @Override
    public Optional<AccountSnapshot> findByPhone(String phone) {
        try {
            return http.get()
                    .uri(uri -> uri.path("/v1/accounts").queryParam("phone", "{phone}").build(phone))
                    .exchange((request, response) -> {
                        if (response.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
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
