package dev.wareg.bench.turns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.testsupport.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The load generator's smoke test (benchmarks stay out of {@code ./mvnw verify}, this proves it still runs): a bot
 * that answers every scripted message through the fake Graph API, as the system would, gets every turn of a short
 * run answered, and people go through their whole conversations.
 */
class OpenLoopTests {

    private static final String TOKEN = "smoke-token";

    @Test
    void everyTurnOfAShortRunIsAnsweredThroughTheGraphApi() throws Exception {
        var results = new Results();
        var output = new ByteArrayOutputStream();
        var bot = new ScriptedBot();
        var loop = new OpenLoop(bot, results, Duration.ofMillis(20), Duration.ofSeconds(5),
                new PrintStream(output, true));
        try (var graph = GraphReceiver.start(FreePorts.next(), TOKEN, loop)) {
            bot.replyTo(graph.baseUrl());
            loop.run(200, Duration.ofMillis(300), Duration.ofSeconds(2));
        }
        results.report(new PrintStream(output, true), 200, "smoke");

        assertThat(results.sentCount()).isBetween(350L, 450L);
        assertThat(results.answeredCount()).isGreaterThanOrEqualTo(results.sentCount());
        assertThat(results.gaveUp()).isZero();
        assertThat(results.finishedCount()).isPositive();
        assertThat(output.toString()).contains("| all | ");
    }

    @Test
    void aPersonWhoGetsNoReplyGivesUpAndIsCounted() throws Exception {
        var results = new Results();
        Channel silent = (phone, text) -> CompletableFuture.completedFuture(null);
        var loop = new OpenLoop(silent, results, Duration.ZERO, Duration.ofMillis(200),
                new PrintStream(new ByteArrayOutputStream(), true));

        loop.run(20, Duration.ZERO, Duration.ofMillis(500));

        assertThat(results.sentCount()).isPositive();
        assertThat(results.answeredCount()).isZero();
        assertThat(results.gaveUp()).isEqualTo(results.sentCount());
    }

    @Test
    void durationsAreWrittenAsPeopleWriteThem() {
        assertThat(TurnLoad.duration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(TurnLoad.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(TurnLoad.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(TurnLoad.duration("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
    }

    /** Answers each person's message with the reply their script waits for, sent as the channel sends it. */
    private static final class ScriptedBot implements Channel {

        private final HttpClient http = HttpClient.newHttpClient();
        private final Map<String, AtomicInteger> steps = new ConcurrentHashMap<>();
        private final Map<String, List<Scripts.Step>> scripts = new ConcurrentHashMap<>();
        private volatile URI graph;

        void replyTo(URI graphBaseUrl) {
            this.graph = graphBaseUrl;
        }

        @Override
        public CompletableFuture<Void> send(String phone, String text) {
            // A person's first message says which script they follow.
            List<Scripts.Step> script = scripts.computeIfAbsent(phone,
                    key -> text.equals(Scripts.PT_BR.getFirst().say()) ? Scripts.PT_BR : Scripts.EN);
            int step = steps.computeIfAbsent(phone, key -> new AtomicInteger()).getAndIncrement();
            String reply = script.get(step).expect();
            String body = "{\"messaging_product\":\"whatsapp\",\"to\":\"" + phone.substring(1)
                    + "\",\"type\":\"text\",\"text\":{\"body\":\"" + reply + "\"}}";
            return http.sendAsync(HttpRequest.newBuilder(graph.resolve("/v23.0/106540352242922/messages"))
                            .header("Authorization", "Bearer " + TOKEN)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding())
                    .thenAccept(response -> assertThat(response.statusCode()).isEqualTo(200));
        }
    }
}
