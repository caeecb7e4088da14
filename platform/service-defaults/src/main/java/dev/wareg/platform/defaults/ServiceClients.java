package dev.wareg.platform.defaults;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** How one service calls another: bounded in time, and authenticated as the calling client. */
public final class ServiceClients {

    private ServiceClients() {
    }

    /**
     * A client for the service at {@code baseUrl}: {@code timeout} bounds both connecting and each response, and
     * every request carries the caller's bearer token.
     */
    public static RestClient create(RestClient.Builder builder, URI baseUrl, Duration timeout, ServiceTokens tokens) {
        var requestFactory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(timeout).build());
        requestFactory.setReadTimeout(timeout);
        return builder.baseUrl(baseUrl.toString())
                .requestFactory(requestFactory)
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().set(HttpHeaders.AUTHORIZATION, tokens.authorization());
                    return execution.execute(request, body);
                })
                .build();
    }
}
