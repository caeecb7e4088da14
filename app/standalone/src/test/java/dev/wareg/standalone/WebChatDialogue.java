package dev.wareg.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person talking to the running application through the web chat's HTTP API, one line at a time:
 * {@code user("oi").bot("Olá! ...")} waits (bounded) for exactly those replies to arrive.
 */
final class WebChatDialogue {

    private static final Duration REPLY_WAIT = Duration.ofSeconds(15);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String phone;
    private int seen;

    WebChatDialogue(String baseUrl, String phone) {
        this.baseUrl = baseUrl;
        this.phone = phone;
    }

    WebChatDialogue user(String text) {
        seen = transcript().size();
        HttpResponse<String> response = post("/web-chat/api/messages", Map.of("from", phone, "text", text));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        seen++;
        return this;
    }

    /** Waits until the bot has sent exactly these replies to the last message. */
    WebChatDialogue bot(String... replies) {
        Instant deadline = Instant.now().plus(REPLY_WAIT);
        List<String> received = List.of();
        while (Instant.now().isBefore(deadline)) {
            List<JsonNode> transcript = transcript();
            received = transcript.subList(Math.min(seen, transcript.size()), transcript.size()).stream()
                    .filter(message -> message.get("direction").asString().equals("out"))
                    .map(message -> message.get("text").asString())
                    .toList();
            if (received.size() >= replies.length) {
                break;
            }
            pause();
        }
        assertThat(received).containsExactly(replies);
        seen = transcript().size();
        return this;
    }

    HttpResponse<String> post(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    HttpResponse<String> get(String path) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (path.startsWith("/v1/")) {
            request.header("Authorization", StandaloneTest.Base.readerToken());
        }
        return send(request.build());
    }

    JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private List<JsonNode> transcript() {
        HttpResponse<String> response = get("/web-chat/api/conversations/"
                + URLEncoder.encode(phone, StandardCharsets.UTF_8) + "/messages");
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response).valueStream().toList();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("HTTP call failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
