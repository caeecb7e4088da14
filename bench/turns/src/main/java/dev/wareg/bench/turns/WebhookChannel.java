package dev.wareg.bench.turns;

import dev.wareg.testsupport.MetaWebhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Messages as Meta delivers them to the Cloud API channel: one signed webhook delivery each
 * ({@code X-Hub-Signature-256} with the app secret), a fresh {@code wamid}, the person's profile name.
 */
final class WebhookChannel implements Channel {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI webhook;
    private final String appSecret;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong ids = new AtomicLong();

    WebhookChannel(URI target, String appSecret) {
        this.webhook = target.resolve("/webhook");
        this.appSecret = appSecret;
    }

    @Override
    public CompletableFuture<Void> send(String phone, String text) {
        String digits = phone.substring(1);
        var message = new LinkedHashMap<String, Object>();
        message.put("from", digits);
        message.put("id", "wamid.load." + run + "." + ids.incrementAndGet());
        message.put("timestamp", String.valueOf(System.currentTimeMillis() / 1000));
        message.put("type", "text");
        message.put("text", Map.of("body", text));
        byte[] body = MetaWebhooks.delivery(Map.of(
                "contacts", List.of(Map.of("profile", Map.of("name", "Pessoa"), "wa_id", digits)),
                "messages", List.of(message)));
        var request = HttpRequest.newBuilder(webhook)
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", MetaWebhooks.signature(appSecret, body))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenAccept(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the webhook answered " + response.statusCode());
            }
        });
    }

    @Override
    public void close() {
        http.close();
    }
}
