package dev.wareg.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A person on WhatsApp, as the Cloud API channel sees them: what they write arrives as Meta's signed webhook
 * deliveries, and what the bot answers is read from the fake Graph API it was sent to.
 */
public final class WhatsAppUser {

    private static final Duration POLL = Duration.ofMillis(100);

    private final HttpClient http;
    private final URI webhook;
    private final String appSecret;
    private final FakeGraphApi graph;
    private final String phone;
    private int seen;

    /**
     * @param channel   where the Cloud API channel serves {@code /webhook}
     * @param appSecret the Meta app secret the channel checks signatures with
     * @param phone     E.164, as the account has it
     */
    public WhatsAppUser(HttpClient http, URI channel, String appSecret, FakeGraphApi graph, String phone) {
        this.http = http;
        this.webhook = channel.resolve("/webhook");
        this.appSecret = appSecret;
        this.graph = graph;
        this.phone = phone;
    }

    public void say(String text) throws Exception {
        deliver(Map.of("type", "text", "text", Map.of("body", text)));
    }

    /** Taps a reply button of the bot's last message: Meta sends its id and title back. */
    public void tap(String title) throws Exception {
        FakeGraphApi.Call last = received().getLast();
        int index = last.buttonTitles().indexOf(title);
        if (index < 0) {
            throw new IllegalStateException("no button " + title + " in " + last.buttonTitles());
        }
        String id = last.body().path("interactive").path("action").path("buttons").path(index).path("reply")
                .path("id").asString();
        deliver(Map.of("type", "interactive", "interactive",
                Map.of("type", "button_reply", "button_reply", Map.of("id", id, "title", title))));
    }

    /** Waits for a message to this person that matches; messages before it count as seen. */
    public Optional<FakeGraphApi.Call> awaitReply(Predicate<FakeGraphApi.Call> wanted, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            List<FakeGraphApi.Call> received = received();
            while (seen < received.size()) {
                FakeGraphApi.Call call = received.get(seen++);
                if (wanted.test(call)) {
                    return Optional.of(call);
                }
            }
            Thread.sleep(POLL);
        }
        return Optional.empty();
    }

    /** Every message sent to this person, in order. */
    public List<FakeGraphApi.Call> received() {
        String digits = phone.substring(1);
        return graph.sent().stream().filter(call -> digits.equals(call.to())).toList();
    }

    private void deliver(Map<String, Object> content) throws Exception {
        var message = new LinkedHashMap<String, Object>();
        message.put("from", phone.substring(1));
        message.put("id", "wamid." + UUID.randomUUID());
        message.put("timestamp", String.valueOf(System.currentTimeMillis() / 1000));
        message.putAll(content);
        byte[] body = MetaWebhooks.delivery(Map.of(
                "contacts", List.of(Map.of("profile", Map.of("name", "Ana"), "wa_id", phone.substring(1))),
                "messages", List.of(message)));
        var response = http.send(HttpRequest.newBuilder(webhook)
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", MetaWebhooks.signature(appSecret, body))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the webhook answered " + response.statusCode() + ": " + response.body());
        }
    }
}
