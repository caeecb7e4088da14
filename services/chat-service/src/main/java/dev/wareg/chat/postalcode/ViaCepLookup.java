package dev.wareg.chat.postalcode;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.wareg.chat.conversation.PostalAddress;
import dev.wareg.chat.conversation.PostalCodeLookup;
import dev.wareg.platform.defaults.Failures;
import dev.wareg.platform.defaults.ServiceClients;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Looks CEPs up in ViaCEP ({@code GET /ws/{8 digits}/json/}, <a href="https://viacep.com.br/">viacep.com.br</a>).
 * ViaCEP answers an unknown but well-formed CEP with 200 and {@code {"erro": "true"}} ({@code {"erro": true}}
 * before), a malformed one with 400, and sends empty strings for the parts a CEP does not have.
 */
class ViaCepLookup implements PostalCodeLookup {

    private static final Logger log = LoggerFactory.getLogger(ViaCepLookup.class);
    private static final Pattern NORMALISED = Pattern.compile("\\d{5}-\\d{3}");
    private static final Pattern UF = Pattern.compile("[A-Z]{2}");

    private final RestClient http;

    ViaCepLookup(RestClient.Builder builder, URI baseUrl, Duration timeout) {
        this.http = builder.baseUrl(baseUrl.toString()).requestFactory(ServiceClients.requestFactory(timeout)).build();
    }

    @Override
    public Optional<PostalAddress> find(String postalCode) {
        if (postalCode == null || !NORMALISED.matcher(postalCode).matches()) {
            return Optional.empty();
        }
        try {
            return http.get()
                    .uri("/ws/{digits}/json/", postalCode.replace("-", ""))
                    .exchange((request, response) -> {
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            return unavailable("HTTP " + response.getStatusCode().value());
                        }
                        return address(postalCode, response.bodyTo(ViaCepAnswer.class));
                    });
        } catch (RestClientException | HttpMessageConversionException e) {
            return unavailable(kind(e));
        }
    }

    private static Optional<PostalAddress> address(String postalCode, ViaCepAnswer answer) {
        if (answer == null) {
            return unavailable("empty response");
        }
        if (answer.unknown()) {
            return Optional.empty();
        }
        if (blank(answer.localidade()) || answer.uf() == null || !UF.matcher(answer.uf()).matches()) {
            return unavailable("response without city or state");
        }
        return Optional.of(new PostalAddress(postalCode, answer.logradouro(), answer.bairro(), answer.localidade(),
                answer.uf()));
    }

    private static Optional<PostalAddress> unavailable(String kind) {
        // The CEP stays out of the log, and so does the exception's message: it carries the request's URI.
        log.warn("ViaCEP lookup failed ({}); the address will be asked part by part", kind);
        return Optional.empty();
    }

    /**
     * A timeout while the body is still arriving surfaces as an unreadable body: Spring closes the stream under the
     * parser and leaves only an {@code IOException("closed")} in the causes. So I/O causes are looked for before
     * conversion ones, and Jackson 3's parse errors are not {@code IOException}s.
     */
    private static String kind(Throwable failure) {
        if (Failures.causedBy(failure, HttpConnectTimeoutException.class)) {
            return "connect timeout";
        }
        if (Failures.causedBy(failure, HttpTimeoutException.class)) {
            return "timeout";
        }
        if (Failures.causedBy(failure, ConnectException.class)) {
            return "connection refused";
        }
        if (Failures.causedBy(failure, IOException.class)) {
            return "response cut off: timeout or I/O error";
        }
        if (Failures.causedBy(failure, HttpMessageConversionException.class)) {
            return "unreadable response";
        }
        return Failures.rootCauseName(failure);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * The parts of ViaCEP's answer the chat uses; it also sends complemento, unidade, estado, regiao, ibge, gia,
     * ddd and siafi. {@code erro} is the string {@code "true"} now and was the boolean {@code true} before.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ViaCepAnswer(String logradouro, String bairro, String localidade, String uf, Object erro) {

        boolean unknown() {
            return Boolean.TRUE.equals(erro) || "true".equals(erro);
        }
    }
}
