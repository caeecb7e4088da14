package dev.wareg.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.platform.defaults.ServiceTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.assertj.core.api.SoftAssertions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many people changing their e-mail through the web chat at once, as a fault run plays them, and what the
 * database and the transcripts say afterwards: nothing lost, nothing applied twice, everyone told the truth.
 */
final class EmailUpdates {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Logger log = LoggerFactory.getLogger(EmailUpdates.class);
    private static final String TRY_AGAIN = "Tente de novo em instantes.";
    private static final Duration LATE_OUTCOMES = Duration.ofSeconds(15);

    private final HttpClient http;
    private final URI accountApi;
    private final URI webChat;
    private final ServiceTokens tokens;
    /** Distinct numbers per run, so conversations left in Redis by an earlier run are never met. */
    private final String run = String.valueOf(ThreadLocalRandom.current().nextInt(100, 1000));
    private final AtomicInteger lookupRetries = new AtomicInteger();
    /** Microseconds from the web chat taking "sim" to its storing "Pronto!", per applied change. */
    private final Queue<Long> confirmedToTold = new ConcurrentLinkedQueue<>();

    /** As client {@code system-tests} ({@link SystemTestsClient}), which account-api must have been given. */
    EmailUpdates(HttpClient http, URI accountApi, URI webChat) {
        this.http = http;
        this.accountApi = accountApi;
        this.webChat = webChat;
        this.tokens = SystemTestsClient.tokens();
    }

    /** The phone of the {@code index}th person of this run, 0 to 9,999. */
    String phone(int index) {
        return "+551198" + run + "%04d".formatted(index);
    }

    static String newEmail(String phone) {
        return "novo" + phone.substring(1) + "@example.com";
    }

    void register(String phone, String email) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(accountApi.resolve("/v1/accounts"))
                .header("Authorization", tokens.authorization())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"phone": "%s", "name": "Pessoa de Teste", "email": "%s"}""".formatted(phone, email)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /**
     * Registers {@code count} people, then plays their conversations, 48 at a time; {@code progress} hears how
     * many have finished each time one does, so faults can be injected along the way.
     *
     * @return what each person was told at the end, by phone
     */
    Map<String, String> play(int count, IntConsumer progress) throws InterruptedException {
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            phones.add(phone(i));
        }
        try (var registering = Executors.newFixedThreadPool(8)) {
            for (String phone : phones) {
                registering.submit(() -> {
                    register(phone, "antigo" + phone.substring(1) + "@example.com");
                    return null;
                });
            }
        }
        var outcomes = new ConcurrentHashMap<String, String>();
        var toldNotSaved = new ConcurrentHashMap<String, ChatUser>();
        var done = new AtomicInteger();
        try (var people = Executors.newFixedThreadPool(48, Thread.ofVirtual().factory())) {
            for (String phone : phones) {
                people.submit(() -> {
                    var person = new ChatUser(http, webChat, phone);
                    String outcome = converse(person);
                    outcomes.put(phone, outcome);
                    if (outcome.startsWith("told: ")) {
                        toldNotSaved.put(phone, person);
                    }
                    progress.accept(done.incrementAndGet());
                    return null;
                });
            }
        }
        hearLateSuccesses(toldNotSaved, outcomes);
        return outcomes;
    }

    /**
     * A request rejected as unavailable may still be applied when it is handled again (its delivery came back
     * because the broker went away before it was settled): the person is then told so, under the outcome's own id.
     * What counts is the last thing each person was told, so those told "not saved" are listened to a while longer.
     */
    private static void hearLateSuccesses(Map<String, ChatUser> toldNotSaved, Map<String, String> outcomes)
            throws InterruptedException {
        var listening = new ConcurrentHashMap<>(toldNotSaved);
        long deadline = System.nanoTime() + LATE_OUTCOMES.toNanos();
        while (!listening.isEmpty() && System.nanoTime() < deadline) {
            for (var entry : listening.entrySet()) {
                if (entry.getValue().awaitReply(reply -> reply.startsWith("Pronto!"), Duration.ofMillis(1)).isPresent()) {
                    outcomes.put(entry.getKey(), "applied after being told it was not: " + outcomes.get(entry.getKey()));
                    listening.remove(entry.getKey());
                }
            }
            Thread.sleep(500);
        }
    }

    /** One person's e-mail update, start to finish; what they were told at the end. */
    private String converse(ChatUser person) throws InterruptedException {
        Optional<String> answer = Optional.empty();
        // Told that the account could not be looked up just now, a person tries again.
        for (int tries = 1; tries <= 3 && answer.filter(reply -> reply.contains("Posso salvar?")).isEmpty(); tries++) {
            if (tries > 1) {
                lookupRetries.incrementAndGet();
                Thread.sleep(2000);
            }
            person.say("quero mudar meu email para " + newEmail(person.phone), PATIENCE);
            answer = person.awaitReply(reply -> reply.contains("Posso salvar?") || reply.contains(TRY_AGAIN), PATIENCE);
        }
        if (answer.filter(reply -> reply.contains("Posso salvar?")).isEmpty()) {
            return "silence after the request: " + person.heard();
        }
        person.say("sim", PATIENCE);
        Optional<String> outcome = person.awaitReply(
                reply -> reply.startsWith("Pronto!") || reply.contains("não salvei") || reply.contains("Não consegui"),
                PATIENCE);
        if (outcome.isEmpty()) {
            return "silence after confirming: " + person.heard();
        }
        if (!outcome.get().startsWith("Pronto!")) {
            return "told: " + outcome.get();
        }
        confirmedToTold.add(person.lastReplyTime().toNanos() / 1_000);
        return "applied";
    }

    int lookupRetries() {
        return lookupRetries.get();
    }

    /** "p50 … ms, p99 … ms" of the time from a confirmation to the person being told it was saved. */
    String confirmedToToldPercentiles() {
        long[] sorted = confirmedToTold.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return "no change applied";
        }
        return String.format(Locale.ROOT, "p50 %.0f ms, p99 %.0f ms, max %.0f ms over %d changes",
                sorted[(int) Math.ceil(sorted.length * 0.50) - 1] / 1000.0,
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1000.0, sorted[sorted.length - 1] / 1000.0,
                sorted.length);
    }

    /**
     * Checks every person against account-api's database and counts the outcomes: each was told something; what
     * they were told is what the database holds; no e-mail was changed twice.
     */
    static Map<String, Long> verify(Connection database, Map<String, String> outcomes) throws SQLException {
        Map<String, Long> byOutcome = new TreeMap<>();
        var softly = new SoftAssertions();
        var query = database.prepareStatement("""
                select a.email, (select count(*) from account_change c
                                 where c.account_id = a.id and c.kind = 'updated' and c.field = 'email') as changes
                from account a where a.phone = ?""");
        for (var entry : outcomes.entrySet()) {
            String phone = entry.getKey();
            String outcome = entry.getValue();
            query.setString(1, phone);
            try (var result = query.executeQuery()) {
                if (!result.next()) {
                    softly.fail("no account for %s", phone);
                    continue;
                }
                softly.assertThat(outcome).as("what %s was told", phone).doesNotStartWith("silence");
                softly.assertThat(result.getLong("changes")).as("times the e-mail of %s was changed", phone)
                        .isLessThanOrEqualTo(1);
                if (outcome.startsWith("applied")) {
                    softly.assertThat(result.getString("email")).as("%s was told it was saved", phone)
                            .isEqualTo(newEmail(phone));
                } else {
                    softly.assertThat(result.getString("email")).as("%s was told it was not saved: %s", phone,
                            outcome).isNotEqualTo(newEmail(phone));
                }
            }
            byOutcome.merge(outcome.startsWith("told: ") ? "told it was not saved"
                    : outcome.contains(":") ? outcome.substring(0, outcome.indexOf(':')) : outcome, 1L, Long::sum);
        }
        log.info("outcomes: {}", byOutcome);
        softly.assertAll();
        return byOutcome;
    }
}
