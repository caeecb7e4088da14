package dev.wareg.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 19, item 9: every scripted conversation of each {@link Suite} file is played through the web chat of the
 * running embedded default, each by a number of its own, and then the account account-api holds for that number is
 * compared with what the script expects. The suite measures, it does not stop at a failure: it logs each
 * conversation's outcome with its reason, writes the pass rates per kind to {@code target/<file>-suite.md}, and
 * fails only when the overall rate falls under the file's floor.
 */
@StandaloneTest
class ConversationSuiteIntegrationTests extends StandaloneTest.Base {

    private static final Logger log = LoggerFactory.getLogger(ConversationSuiteIntegrationTests.class);

    /**
     * A file of conversations and the share of them that must pass: about ten points under the rate measured on each
     * (the margin is for a loaded machine, where a reply can come after the suite stopped listening). The first file
     * was tuned on after its first run (87.7 %); each later one, by another author, was first played unseen (see
     * docs/evaluation.md): the seventh 76 % unseen, 96 % after its session's changes, so its floor is 0.86; the
     * eighth 80 % unseen, 98 % after the ninth session's, floor 0.88; the ninth 86 % unseen, 100 % after, floor 0.90.
     *
     * @param firstNumber the first number its conversations write from (+55 11 9…), one more for each
     */
    enum Suite {
        FIRST_AUTHOR("conversations.yaml", 0.90, 973_100_000L),
        SECOND_AUTHOR("conversations-second-author.yaml", 0.90, 973_200_000L),
        THIRD_AUTHOR("conversations-third-author.yaml", 0.90, 973_300_000L),
        FOURTH_AUTHOR("conversations-fourth-author.yaml", 0.90, 973_400_000L),
        FIFTH_AUTHOR("conversations-fifth-author.yaml", 0.90, 973_500_000L),
        SIXTH_AUTHOR("conversations-sixth-author.yaml", 0.90, 973_600_000L),
        SEVENTH_AUTHOR("conversations-seventh-author.yaml", 0.86, 973_700_000L),
        EIGHTH_AUTHOR("conversations-eighth-author.yaml", 0.88, 973_800_000L),
        NINTH_AUTHOR("conversations-ninth-author.yaml", 0.90, 973_900_000L);

        final String file;
        final double floor;
        final long firstNumber;

        Suite(String file, double floor, long firstNumber) {
            this.file = file;
            this.floor = floor;
            this.firstNumber = firstNumber;
        }

        Path report() {
            return Path.of("target", file.replace(".yaml", "") + "-suite.md");
        }
    }

    /** The bot may answer one line with a few messages: they belong together while none is later than this. */
    private static final Duration QUIET = Duration.ofMillis(400);
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    /** How long an account may take to show what the conversation saved (the worker applies it after the reply). */
    private static final Duration SETTLE = Duration.ofSeconds(2);
    /** Conversations played at once: each has its own number and session, and most of their time is waiting. */
    private static final int AT_ONCE = 4;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** The bot's replies that announce another one ("one moment, saving…"), in both languages, from its phrasebook. */
    private final Predicate<String> promisesMore = promises("applying", "erasure.applying");

    /** One line of the script and what the bot answered to it. */
    record Exchange(String line, List<String> replies) {
    }

    /**
     * The end of one conversation: what did not hold (nothing when it passed), what was said, and whether the session
     * ended before the script did (an erasure ends it: what is left of the script cannot be said, and need not be).
     */
    record Outcome(ConversationScript script, List<String> problems, List<Exchange> exchanges, boolean sessionEnded,
                   Duration took) {

        boolean passed() {
            return problems.isEmpty();
        }

        String reason() {
            String said = exchanges.isEmpty() ? "" : "; to \"" + exchanges.getLast().line() + "\" the bot said "
                    + quoted(exchanges.getLast().replies());
            String ended = sessionEnded ? "; the session ended after line " + exchanges.size() + " of "
                    + script.say().size() : "";
            return oneLine(String.join("; ", problems) + said + ended);
        }
    }

    @ParameterizedTest
    @EnumSource(Suite.class)
    void everyScriptedConversationLeavesTheAccountItExpects(Suite suite) throws Exception {
        List<ConversationScript> scripts;
        try (InputStream yaml = getClass().getResourceAsStream("/" + suite.file)) {
            scripts = ConversationScript.read(yaml);
        }
        assertThat(scripts).as("the conversations").isNotEmpty();
        assertThat(scripts.stream().map(ConversationScript::id).distinct()).as("their ids").hasSameSizeAs(scripts);

        Instant start = Instant.now();
        List<Outcome> outcomes = new ArrayList<>();
        try (ExecutorService players = Executors.newFixedThreadPool(AT_ONCE)) {
            List<Future<Outcome>> played = new ArrayList<>();
            for (int i = 0; i < scripts.size(); i++) {
                ConversationScript script = scripts.get(i);
                String phone = "+5511" + (suite.firstNumber + i);
                played.add(players.submit(() -> play(script, phone)));
            }
            for (Future<Outcome> outcome : played) {
                outcomes.add(outcome.get());
            }
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
        Duration took = Duration.between(start, Instant.now());

        outcomes.forEach(outcome -> log.info("{} {} ({}, {}, {} lines, {} ms){}", outcome.passed() ? "PASS" : "FAIL",
                outcome.script().id(), outcome.script().kind(), outcome.script().lang(), outcome.script().say().size(),
                outcome.took().toMillis(), outcome.passed() ? "" : ": " + outcome.reason()));
        String report = report(suite, outcomes, took);
        Files.createDirectories(suite.report().getParent());
        Files.writeString(suite.report(), report);
        log.info("Conversation suite, {} conversations in {} s:\n{}", outcomes.size(), took.toSeconds(), report);

        assertThat(rate(outcomes)).as("the share of conversations that leave the expected account (see %s)",
                suite.report().toAbsolutePath()).isGreaterThanOrEqualTo(suite.floor);
    }

    private Outcome play(ConversationScript script, String phone) {
        Instant start = Instant.now();
        var person = new WebChatDialogue(http, baseUrl(), phone);
        List<String> problems = new ArrayList<>();
        List<Exchange> exchanges = new ArrayList<>();
        boolean sessionEnded = false;
        try {
            HttpResponse<String> created = script.account() == null ? null : person.register(script.account());
            if (created != null && created.statusCode() != 201) {
                problems.add("the account to start from was refused: account-api answered " + created.statusCode()
                        + " " + created.body());
            } else {
                for (String line : script.say()) {
                    WebChatDialogue.Answer answer = person.say(line, QUIET, PATIENCE, promisesMore);
                    exchanges.add(new Exchange(line, answer.replies()));
                    if (answer.sessionEnded()) {
                        sessionEnded = exchanges.size() < script.say().size();
                        break;
                    }
                }
                problems.addAll(settled(script, person, phone));
            }
        } catch (AssertionError | RuntimeException e) {
            problems.add("the conversation could not be played: " + e.getMessage());
        }
        return new Outcome(script, problems, exchanges, sessionEnded, Duration.between(start, Instant.now()));
    }

    /** What does not hold of what the script expects, once the account has had {@link #SETTLE} to show it. */
    private static List<String> settled(ConversationScript script, WebChatDialogue person, String phone) {
        Instant until = Instant.now().plus(SETTLE);
        List<String> problems = compare(script, person, phone);
        while (!problems.isEmpty() && Instant.now().isBefore(until)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            problems = compare(script, person, phone);
        }
        return problems;
    }

    private static List<String> compare(ConversationScript script, WebChatDialogue person, String phone) {
        HttpResponse<String> account = person.get("/v1/accounts?phone=" + URLEncoder.encode(phone,
                StandardCharsets.UTF_8));
        boolean none = account.statusCode() == 404 || account.statusCode() == 410;
        if (script.expect() == null) {
            return none ? List.of() : List.of(account.statusCode() == 200 ? "expected no account, found one"
                    : "account-api answered " + account.statusCode());
        }
        if (none) {
            return List.of("expected an account, found none");
        }
        if (account.statusCode() != 200) {
            return List.of("account-api answered " + account.statusCode());
        }
        return ExpectedAccount.mismatches(script.expect(), person.json(account));
    }

    static double rate(List<Outcome> outcomes) {
        return outcomes.isEmpty() ? 0 : (double) outcomes.stream().filter(Outcome::passed).count() / outcomes.size();
    }

    private static String report(Suite suite, List<Outcome> outcomes, Duration took) {
        var byKind = outcomes.stream().collect(Collectors.groupingBy(outcome -> outcome.script().kind(),
                LinkedHashMap::new, Collectors.toList()));
        var byLanguage = outcomes.stream().collect(Collectors.groupingBy(outcome -> outcome.script().lang(),
                LinkedHashMap::new, Collectors.toList()));
        var text = new StringBuilder("# Conversation suite\n\n")
                .append(outcomes.size()).append(" conversations of `").append(suite.file)
                .append("`, played through the web chat in ").append(took.toSeconds()).append(" s; the floor is ")
                .append(percent(suite.floor)).append(".\n\n")
                .append("| Kind | Conversations | Passed | Pass rate |\n|---|---:|---:|---:|\n");
        byKind.forEach((kind, ofKind) -> text.append(row(kind, ofKind)));
        text.append(row("**all**", outcomes))
                .append("\n| Language | Conversations | Passed | Pass rate |\n|---|---:|---:|---:|\n");
        byLanguage.forEach((language, ofLanguage) -> text.append(row(language, ofLanguage)));
        List<Outcome> failed = outcomes.stream().filter(outcome -> !outcome.passed()).toList();
        if (!failed.isEmpty()) {
            text.append("\n## Failures\n\n| Conversation | Kind | Reason |\n|---|---|---|\n");
            failed.forEach(outcome -> text.append("| ").append(outcome.script().id()).append(" | ")
                    .append(outcome.script().kind()).append(" | ").append(outcome.reason().replace("|", "\\|"))
                    .append(" |\n"));
            text.append("\n## What was said in the failed conversations\n");
            failed.forEach(outcome -> {
                text.append("\n**").append(outcome.script().id()).append("**\n\n");
                outcome.exchanges().forEach(exchange -> text.append("- ").append(oneLine(exchange.line()))
                        .append(" → ").append(oneLine(quoted(exchange.replies()))).append("\n"));
            });
        }
        return text.toString();
    }

    private static String quoted(List<String> replies) {
        return replies.isEmpty() ? "nothing"
                : replies.stream().map(reply -> "\"" + reply + "\"").collect(Collectors.joining(" / "));
    }

    private static String oneLine(String text) {
        return text.replace("\n", " ⏎ ");
    }

    private static String row(String label, List<Outcome> outcomes) {
        long passed = outcomes.stream().filter(Outcome::passed).count();
        return "| " + label + " | " + outcomes.size() + " | " + passed + " | " + percent(rate(outcomes)) + " |\n";
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    /** The chat's phrases under these keys, as it says them in Portuguese (its default) and English. */
    private static Predicate<String> promises(String... keys) {
        var control = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        Set<String> phrases = Stream.of(Locale.ROOT, Locale.ENGLISH)
                .map(locale -> ResourceBundle.getBundle("dev.wareg.chat.messages", locale, control))
                .flatMap(bundle -> Stream.of(keys).map(bundle::getString))
                .collect(Collectors.toSet());
        return phrases::contains;
    }
}
