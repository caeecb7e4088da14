package dev.wareg.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.testsupport.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WhatsApp Web channel's real Node sidecar ({@code channels/whatsapp-web/sidecar}, its {@code node_modules}
 * installed by the Maven build's {@code npm ci}) in its fake mode ({@code WHATSAPP_WEB_FAKE=true}: no WhatsApp, a
 * socket connected at once, {@code POST /fake/inbound} to play a Baileys message in, {@code GET /fake/sent} for what
 * it sent), forwarding signed to the Java channel that {@code deploy/local/run.sh} runs. Its log, JSON lines on
 * stdout, is {@link #log()}. Its port is chosen first, because the Java channel is started knowing its address
 * ({@code WHATSAPP_WEB_SIDECAR_URL}: {@link #environment(String)}) before the sidecar is started knowing the
 * channel's.
 */
final class WhatsAppWebSidecar implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong ids = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40));

    private final HttpClient http;
    private final URI url;
    private final int port;
    private final Path log;
    private Process process;

    /** A sidecar to be, on a free port, logging to {@code runDir/whatsapp-web-sidecar.log}. */
    WhatsAppWebSidecar(HttpClient http, Path runDir) {
        this.http = http;
        this.port = FreePorts.next();
        this.url = URI.create("http://127.0.0.1:" + port);
        this.log = runDir.resolve("whatsapp-web-sidecar.log");
    }

    /** What {@code run.sh} needs to run the Java channel against this sidecar with {@code secret}. */
    Map<String, String> environment(String secret) {
        return Map.of("WHATSAPP_WEB_SECRET", secret, "WHATSAPP_WEB_SIDECAR_URL", url.toString());
    }

    /** Starts it, forwarding to the Java channel at {@code channel}, and returns once it is healthy. */
    void start(URI channel, String secret, Map<String, String> more) throws IOException, InterruptedException {
        Path directory = LocalDeployment.repositoryRoot().resolve("channels/whatsapp-web/sidecar");
        assertThat(directory.resolve("node_modules")).as("the sidecar's npm ci (the Maven build runs it)")
                .isDirectory();
        var builder = new ProcessBuilder("node", "src/main.js").directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        var environment = new HashMap<>(Map.of(
                "WHATSAPP_WEB_FAKE", "true",
                "PORT", String.valueOf(port),
                "WAREG_CHANNEL_URL", channel.toString(),
                "WHATSAPP_WEB_SECRET", secret));
        environment.putAll(more);
        builder.environment().putAll(environment);
        process = builder.start();
        awaitHealthy();
    }

    Path log() {
        return log;
    }

    /** As a platform stops it: SIGTERM, so that it drains and writes its last lines. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Someone on WhatsApp with the number {@code phone} (E.164). */
    Person person(String phone) {
        return new Person(phone.substring(1) + "@s.whatsapp.net");
    }

    /** A person on WhatsApp, as the fake WhatsApp behind the sidecar delivers their messages and records replies. */
    final class Person {

        private final String jid;
        private int seen;

        private Person(String jid) {
            this.jid = jid;
        }

        /** A Baileys {@code WAMessage} of a plain text, as {@code messages.upsert} (notify) carries it. */
        void say(String text) throws IOException, InterruptedException {
            byte[] body = JSON.writeValueAsBytes(Map.of(
                    "key", Map.of("remoteJid", jid, "id", "3EB0" + Long.toHexString(ids.incrementAndGet()).toUpperCase(),
                            "fromMe", false),
                    "message", Map.of("conversation", text),
                    "messageTimestamp", System.currentTimeMillis() / 1000));
            var response = http.send(HttpRequest.newBuilder(url.resolve("/fake/inbound"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        }

        /** The first reply after the ones already seen that matches; the replies before it count as seen too. */
        Optional<String> awaitReply(Predicate<String> condition, Duration patience)
                throws IOException, InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            do {
                List<String> replies = replies();
                for (int i = seen; i < replies.size(); i++) {
                    if (condition.test(replies.get(i))) {
                        seen = i + 1;
                        return Optional.of(replies.get(i));
                    }
                }
                Thread.sleep(100);
            } while (System.nanoTime() < deadline);
            return Optional.empty();
        }

        /** Says {@code text} and fails unless a reply that matches comes in time. */
        void converse(String text, Predicate<String> reply, Duration patience) throws IOException, InterruptedException {
            say(text);
            assertThat(awaitReply(reply, patience)).as("the reply on WhatsApp Web to " + text).isPresent();
        }

        private List<String> replies() throws IOException, InterruptedException {
            var response = http.send(HttpRequest.newBuilder(url.resolve("/fake/sent")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode sent = JSON.readTree(response.body());
            return sent.values().stream().filter(message -> jid.equals(message.path("jid").asString("")))
                    .map(message -> message.path("text").asString("")).toList();
        }
    }

    private void awaitHealthy() throws InterruptedException {
        URI health = url.resolve("/health");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the sidecar is running (see %s)", log).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the sidecar did not become healthy at " + health);
    }
}
