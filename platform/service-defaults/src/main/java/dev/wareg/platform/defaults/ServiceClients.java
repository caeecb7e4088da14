package dev.wareg.platform.defaults;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** How one service calls another (or an outside API): bounded in time, and authenticated as the calling client. */
public final class ServiceClients {

    private static final Executor BODY_WRITERS = Executors.newVirtualThreadPerTaskExecutor();

    private ServiceClients() {
    }

    /**
     * A client for the service at {@code baseUrl}: {@code timeout} bounds both connecting and each response, and
     * every request carries the caller's bearer token.
     */
    public static RestClient create(RestClient.Builder builder, URI baseUrl, Duration timeout, ServiceTokens tokens) {
        return builder.baseUrl(baseUrl.toString())
                .requestFactory(requestFactory(timeout))
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().set(HttpHeaders.AUTHORIZATION, tokens.authorization());
                    return execution.execute(request, body);
                })
                .build();
    }

    /**
     * The JDK's HTTP client for a {@link RestClient}: {@code timeout} bounds connecting and the whole exchange, body
     * included (Spring closes a body still arriving then). Request bodies are written on virtual threads: without an
     * executor, Spring writes each one on a new platform thread, which under load costs more than the request.
     */
    public static JdkClientHttpRequestFactory requestFactory(Duration timeout) {
        var requestFactory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(timeout)
                .executor(BODY_WRITERS).build());
        requestFactory.setReadTimeout(timeout);
        return requestFactory;
    }
}
