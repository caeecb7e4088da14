package dev.wareg.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person chatting through the web chat's API, as the page does: posting messages and polling the transcript.
 * Like a WhatsApp client, a message the channel could not take (the broker was down) is sent again.
 */
final class ChatUser {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration POLL = Duration.ofMillis(150);

    private final HttpClient http;
    private final URI webChat;
    final String phone;
    private final List<String> heard = new ArrayList<>();
    private String lastSeen;
    /** When the web chat took the person's last message, by its own clock. */
    private Instant lastSaidAt;
    /** When the web chat stored the last reply awaited, by its own clock. */
    private Instant lastReplyAt;

    ChatUser(HttpClient http, URI webChat, String phone) {
        this.http = http;
        this.webChat = webChat;
        this.phone = phone;
    }

    void say(String text, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        String body = JSON.writeValueAsString(java.util.Map.of("from", phone, "text", text));
        while (true) {
            try {
                var response = http.send(HttpRequest.newBuilder(webChat.resolve("/web-chat/api/messages"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    return;
                }
                if (response.statusCode() < 500) {
                    throw new IllegalStateException("web chat refused a message: " + response.statusCode());
                }
            } catch (IOException e) {
                // not taken: sent again below
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the web chat did not take a message in " + patience);
            }
            Thread.sleep(500);
        }
    }

    /** Waits for a reply that matches, and returns it; replies before it are kept in {@link #heard()}. */
    Optional<String> awaitReply(Predicate<String> wanted, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            for (Reply reply : newReplies()) {
                heard.add(reply.text());
                if (wanted.test(reply.text())) {
                    lastReplyAt = reply.at();
                    return Optional.of(reply.text());
                }
            }
            Thread.sleep(POLL);
        }
        return Optional.empty();
    }

    List<String> heard() {
        return heard;
    }

    /**
     * From the web chat taking the person's last message to its storing the reply just awaited, both by the web
     * chat's clock, so the figure does not depend on how often this client polls.
     */
    Duration lastReplyTime() {
        return Duration.between(lastSaidAt, lastReplyAt);
    }

    private record Reply(String text, Instant at) {
    }

    private List<Reply> newReplies() throws InterruptedException {
        String path = "/web-chat/api/conversations/" + phone + "/messages" + (lastSeen == null ? "" : "?after=" + lastSeen);
        try {
            var response = http.send(HttpRequest.newBuilder(webChat.resolve(path.replace("+", "%2B")))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return List.of();
            }
            List<Reply> replies = new ArrayList<>();
            for (JsonNode message : JSON.readTree(response.body())) {
                lastSeen = message.get("id").asString();
                Instant at = Instant.parse(message.get("at").asString());
                if (message.get("direction").asString().equalsIgnoreCase("in")) {
                    lastSaidAt = at;
                } else {
                    replies.add(new Reply(message.get("text").asString(), at));
                }
            }
            return replies;
        } catch (IOException e) {
            return List.of();
        }
    }
}
