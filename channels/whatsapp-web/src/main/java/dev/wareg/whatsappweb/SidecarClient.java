package dev.wareg.whatsappweb;

import dev.wareg.platform.defaults.HmacSignature;
import dev.wareg.platform.defaults.ServiceClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the sidecar's {@code POST /messages} (the contract in {@code docs/channels.md}): {@code {id, to, text}},
 * and its {@code POST /erasures}: {@code {id, senders}}, both signed like the inbound direction. Every answer becomes a {@link SidecarAnswer}; nothing is thrown, since what
 * to do about a failure is the caller's decision.
 */
class SidecarClient {

    static final String MESSAGES = "/messages";
    static final String ERASURES = "/erasures";

    private final RestClient http;
    private final HmacSignature signature;
    private final JsonMapper json;
    private final Clock clock;

    SidecarClient(RestClient.Builder builder, WhatsAppWebProperties properties, JsonMapper json, Clock clock) {
        this.http = builder.clone().baseUrl(properties.sidecarUrl().toString())
                .requestFactory(ServiceClients.requestFactory(properties.timeout())).build();
        this.signature = new HmacSignature(properties.secret());
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param id the {@code SendMessage} event id: the sidecar sends each id once, so a retry after a timeout whose
     *           send did go out is answered without a second message
     */
    SidecarAnswer send(UUID id, String to, String text) {
        var members = new LinkedHashMap<String, Object>();
        members.put("id", id.toString());
        members.put("to", to);
        members.put("text", text);
        return post(MESSAGES, members);
    }

    /**
     * Asks the sidecar to forget a person whose account was erased.
     *
     * @param id      the {@code AccountErased} event id, for the sidecar's log
     * @param senders the person in the contract's sender forms ({@code +digits}, {@code digits@lid})
     */
    SidecarAnswer forget(UUID id, List<String> senders) {
        var members = new LinkedHashMap<String, Object>();
        members.put("id", id.toString());
        members.put("senders", senders);
        return post(ERASURES, members);
    }

    private SidecarAnswer post(String path, Object members) {
        // The signature covers these exact bytes, so they are written here and sent as they are.
        byte[] body = json.writeValueAsBytes(members);
        try {
            return http.post().uri(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .header(WhatsAppWebConfiguration.SIGNATURE_HEADER, signature.sign(body))
                    .body(body)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        if (response.getStatusCode().is2xxSuccessful()) {
                            return new SidecarAnswer.Sent();
                        }
                        var failure = SidecarAnswer.Failure.ofStatus(status);
                        Duration retryAfter = failure == SidecarAnswer.Failure.RATE_LIMITED
                                ? retryAfter(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)) : null;
                        return new SidecarAnswer.Failed(failure, status, retryAfter);
                    });
        } catch (RestClientException e) {
            return new SidecarAnswer.Failed(SidecarAnswer.Failure.UNREACHABLE, 0, null);
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date (RFC 9110, section 10.2.3); null when absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
