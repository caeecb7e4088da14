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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person talking to the running application through the web chat's HTTP API, one line at a time:
 * {@code user("oi").bot("Olá! ...")} waits (bounded) for exactly those replies to arrive. Before the first line the
 * person proves the number as the page does: asks for a code, reads it on the demo phone panel (the embedded
 * default has no WhatsApp channel in these tests), and sends it back for a session cookie.
 */
final class WebChatDialogue {

    private static final Duration REPLY_WAIT = Duration.ofSeconds(15);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private final HttpClient http;
    private final String baseUrl;
    private final String phone;
    private int seen;
    private String sessionCookie;

    WebChatDialogue(String baseUrl, String phone) {
        this(HttpClient.newHttpClient(), baseUrl, phone);
    }

    /** For many people at once: they share one client (and its connections), each keeps their own session. */
    WebChatDialogue(HttpClient http, String baseUrl, String phone) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.phone = phone;
    }

    /** Proves the number with the code shown in the demo phone panel; {@link #user} does it before the first line. */
    WebChatDialogue signIn() {
        return signIn("phone-panel", () -> {
            HttpResponse<String> panel = get("/web-chat/api/phone-panel?phone=" + URLEncoder.encode(phone,
                    StandardCharsets.UTF_8));
            assertThat(panel.statusCode()).as(panel.body()).isEqualTo(200);
            List<JsonNode> messages = json(panel).get("messages").valueStream().toList();
            return messages.getLast().get("text").asString();
        });
    }

    /**
     * Proves the number with a code delivered over {@code delivery} (the web chat's answer says which), read by
     * {@code codeMessage}: the text of the message that carried it.
     */
    WebChatDialogue signIn(String delivery, Supplier<String> codeMessage) {
        HttpResponse<String> sent = post("/web-chat/api/sessions/codes", Map.of("from", phone));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        assertThat(json(sent).get("delivery").asString()).isEqualTo(delivery);
        Matcher code = CODE.matcher(codeMessage.get());
        assertThat(code.find()).as("a code in the message").isTrue();

        HttpResponse<String> session = post("/web-chat/api/sessions", Map.of("from", phone, "code", code.group(1)));
        assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
        String setCookie = session.headers().firstValue("Set-Cookie").orElseThrow();
        sessionCookie = setCookie.substring(0, setCookie.indexOf(';'));
        return this;
    }

    WebChatDialogue user(String text) {
        if (sessionCookie == null) {
            signIn();
        }
        seen = transcript().size();
        HttpResponse<String> response = post("/web-chat/api/messages", Map.of("text", text));
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

    /**
     * Waits until one of the bot's replies to the last message satisfies {@code reply} (the others may be anything),
     * for dialogues whose exact wording is the chat's own business.
     */
    WebChatDialogue botSays(java.util.function.Predicate<String> reply) {
        Instant deadline = Instant.now().plus(REPLY_WAIT);
        List<String> received = List.of();
        while (Instant.now().isBefore(deadline)) {
            List<JsonNode> transcript = transcript();
            received = transcript.subList(Math.min(seen, transcript.size()), transcript.size()).stream()
                    .filter(message -> message.get("direction").asString().equals("out"))
                    .map(message -> message.get("text").asString())
                    .toList();
            if (received.stream().anyMatch(reply)) {
                seen = transcript.size();
                return this;
            }
            pause();
        }
        throw new AssertionError("no such reply among " + received);
    }

    /**
     * What the bot answered to one line, in order; {@code sessionEnded} when the page could no longer read the
     * transcript (an erasure ends the session that asked for it).
     */
    record Answer(List<String> replies, boolean sessionEnded) {
    }

    /**
     * Says {@code text} and collects the bot's answer without knowing its wording: waits (up to {@code patience})
     * for the first reply, then takes whatever follows until nothing new arrives for {@code quiet}. A reply that
     * {@code promisesMore} (such as "one moment, saving…") is not the end: the wait goes on for the one it promises,
     * up to {@code patience} again.
     */
    Answer say(String text, Duration quiet, Duration patience, Predicate<String> promisesMore) {
        if (sessionCookie == null) {
            signIn();
        }
        HttpResponse<String> sent = post("/web-chat/api/messages", Map.of("text", text));
        if (sent.statusCode() == 401) {
            return new Answer(List.of(), true);
        }
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        String last = json(sent).get("messageId").asString();
        Set<String> known = new HashSet<>(Set.of(last));
        List<String> replies = new ArrayList<>();
        Instant deadline = Instant.now().plus(patience);
        Instant quietUntil = null;
        while (Instant.now().isBefore(deadline) && (quietUntil == null || Instant.now().isBefore(quietUntil))) {
            HttpResponse<String> page = get("/web-chat/api/messages?after=" + last);
            if (page.statusCode() == 401) {
                return new Answer(replies, true);
            }
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            boolean grew = false;
            for (JsonNode message : json(page).valueStream().toList()) {
                // An id no longer in the transcript brings the whole transcript back: skip what is known.
                String id = message.get("id").asString();
                if (known.add(id)) {
                    last = id;
                    if (message.get("direction").asString().equals("out")) {
                        replies.add(message.get("text").asString());
                        grew = true;
                    }
                }
            }
            if (grew) {
                boolean promised = promisesMore.test(replies.getLast());
                deadline = promised ? Instant.now().plus(patience) : deadline;
                quietUntil = promised ? null : Instant.now().plus(quiet);
            }
            pause();
        }
        return new Answer(replies, false);
    }

    HttpResponse<String> post(String path, Object body) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return send(withSession(path, request).build());
    }

    HttpResponse<String> get(String path) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        if (path.startsWith("/v1/")) {
            request.header("Authorization", StandaloneTest.Base.readerToken());
        }
        return send(withSession(path, request).build());
    }

    /** Registers the account {@code body} describes for this number through account-api, as an operator would. */
    HttpResponse<String> register(Map<String, Object> body) {
        var account = new LinkedHashMap<String, Object>(body);
        account.put("phone", phone);
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/accounts"))
                .header("Content-Type", "application/json")
                .header("Authorization", StandaloneTest.Base.writerToken())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(account))).build());
    }

    // As a browser would: the cookie goes back on the web chat's paths only.
    private HttpRequest.Builder withSession(String path, HttpRequest.Builder request) {
        if (sessionCookie != null && path.startsWith("/web-chat/")) {
            request.header("Cookie", sessionCookie);
        }
        return request;
    }

    JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private List<JsonNode> transcript() {
        HttpResponse<String> response = get("/web-chat/api/messages");
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
