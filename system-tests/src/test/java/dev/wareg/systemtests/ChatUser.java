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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person chatting through the web chat's API, as the page does: proving the number with the one-time code the demo
 * phone panel shows (the deployments under test run the web chat in {@code phone-panel} mode), then posting messages
 * and polling the transcript with the session cookie. Like a WhatsApp client, a message the channel could not take
 * (the broker was down) is sent again; like a person whose session ended (the web chat restarted and forgot it),
 * they prove the number again.
 */
final class ChatUser {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration POLL = Duration.ofMillis(150);
    private static final Duration SIGN_IN_PATIENCE = Duration.ofSeconds(60);
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private final HttpClient http;
    private final URI webChat;
    final String phone;
    private final List<String> heard = new ArrayList<>();
    private String lastSeen;
    /** When the web chat took the person's last message, by its own clock. */
    private Instant lastSaidAt;
    /** When the web chat stored the last reply awaited, by its own clock. */
    private Instant lastReplyAt;
    /** The session cookie as the {@code Cookie} header carries it, once signed in. */
    private volatile String session;

    ChatUser(HttpClient http, URI webChat, String phone) {
        this.http = http;
        this.webChat = webChat;
        this.phone = phone;
    }

    /**
     * Asks for a code, reads it on the number's demo phone panel and sends it back, as a person on the page does;
     * {@link #say} does it when there is no session yet or it ended.
     */
    void signIn() throws InterruptedException {
        long deadline = System.nanoTime() + SIGN_IN_PATIENCE.toNanos();
        while (true) {
            try {
                var sent = http.send(post("/web-chat/api/sessions/codes", java.util.Map.of("from", phone), false),
                        HttpResponse.BodyHandlers.ofString());
                if (sent.statusCode() == 202) {
                    String code = lastCode();
                    var signedIn = http.send(post("/web-chat/api/sessions",
                            java.util.Map.of("from", phone, "code", code), false), HttpResponse.BodyHandlers.ofString());
                    if (signedIn.statusCode() == 201) {
                        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
                        session = cookie.substring(0, cookie.indexOf(';'));
                        return;
                    }
                    throw new IllegalStateException("web chat refused the code: " + signedIn.statusCode());
                }
                if (sent.statusCode() < 500) {
                    throw new IllegalStateException("web chat refused to send a code: " + sent.statusCode() + " "
                            + sent.body());
                }
            } catch (IOException e) {
                // the web chat is not there (yet): asked again below
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not sign in to the web chat in " + SIGN_IN_PATIENCE);
            }
            Thread.sleep(500);
        }
    }

    private String lastCode() throws IOException, InterruptedException {
        var panel = http.send(HttpRequest.newBuilder(webChat.resolve("/web-chat/api/phone-panel?phone="
                        + phone.replace("+", "%2B"))).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (panel.statusCode() != 200) {
            throw new IllegalStateException("no demo phone panel (is code-delivery phone-panel?): "
                    + panel.statusCode());
        }
        List<JsonNode> messages = JSON.readTree(panel.body()).get("messages").valueStream().toList();
        Matcher code = CODE.matcher(messages.getLast().get("text").asString());
        if (!code.find()) {
            throw new IllegalStateException("no code in the panel's last message");
        }
        return code.group(1);
    }

    private HttpRequest post(String path, Object body, boolean withSession) {
        var request = HttpRequest.newBuilder(webChat.resolve(path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (withSession && session != null) {
            request.header("Cookie", session);
        }
        return request.build();
    }

    void say(String text, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        if (session == null) {
            signIn();
        }
        while (true) {
            try {
                var response = http.send(post("/web-chat/api/messages", java.util.Map.of("text", text), true),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    return;
                }
                if (response.statusCode() == 401) {
                    signIn(); // the session ended (a restart): proven again, the message is sent again
                    continue;
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

    /** The texts of the number's whole transcript as the page shows it now, both directions. */
    List<String> transcript() throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(webChat.resolve("/web-chat/api/messages")).timeout(Duration.ofSeconds(10));
        if (session != null) {
            request.header("Cookie", session);
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the web chat did not show the transcript: " + response.statusCode());
        }
        return JSON.readTree(response.body()).valueStream().map(message -> message.get("text").asString()).toList();
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
        String path = "/web-chat/api/messages" + (lastSeen == null ? "" : "?after=" + lastSeen);
        try {
            var request = HttpRequest.newBuilder(webChat.resolve(path)).timeout(Duration.ofSeconds(10));
            if (session != null) {
                request.header("Cookie", session);
            }
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                signIn();
                return List.of();
            }
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
