package dev.wareg.chat.conversation;

import dev.wareg.chat.ChatProperties;
import dev.wareg.chat.interpretation.RulesInterpreter;
import dev.wareg.chat.state.InMemoryCodeSends;
import dev.wareg.chat.state.InMemoryConversationStore;
import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.contracts.MessageReceived;
import dev.wareg.platform.defaults.TimeOrderedIds;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.EventHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One conversation turn as chat-service handles a message: load the sender's state from the in-memory store,
 * interpret the text with the rules, run the form loop (validating the value with the field's validator), save
 * the state, and publish the replies (to a bus that only counts them). It lives in the conversation's package to
 * drive {@link Conversations} as the bus would.
 * <p>
 * 1,024 known senders take turns; each goes round a three-message e-mail change that never confirms: "quero
 * mudar meu email" (intent, account lookup in a map, prompt), a new address (validation, old -> new), "cancelar".
 * So each operation is one real turn of a mix of kinds, and the state never grows.
 */
@State(Scope.Thread)
public class ConversationTurnBenchmark {

    private static final int SENDERS = 1024;
    private static final String[] SCRIPT = {"quero mudar meu email", "maria.souza@exemplo.com.br", "cancelar"};

    private Conversations conversations;
    private MessageReceived[][] messages;
    private int turn;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        Clock clock = Clock.systemUTC();
        var properties = new ChatProperties(Locale.forLanguageTag("pt-BR"), Duration.ofMinutes(30), 1000,
                "chat-service", null, Duration.ofMinutes(5), new ChatProperties.Handoff(false, ""),
                java.util.List.of("web-chat", "cloud-api", "whatsapp-web"));
        Map<String, AccountSnapshot> accounts = new HashMap<>();
        messages = new MessageReceived[SENDERS][SCRIPT.length];
        for (int sender = 0; sender < SENDERS; sender++) {
            String phone = "+55119%08d".formatted(10_000_000 + sender);
            accounts.put(phone, new AccountSnapshot(UUID.randomUUID(), 1,
                    Map.of("name", "Maria Souza", "email", "maria@exemplo.com.br")));
            for (int step = 0; step < SCRIPT.length; step++) {
                messages[sender][step] = new MessageReceived(UUID.randomUUID(), clock.instant(), "web-chat",
                        "m" + sender + "-" + step, phone, SCRIPT[step], true);
            }
        }
        EventBus bus = new EventBus() {
            @Override
            public void publish(IntegrationEvent event) {
                blackhole.consume(event);
            }

            @Override
            public <E extends IntegrationEvent> void subscribe(String subscriber, Class<E> type,
                    EventHandler<E> handler) {
            }
        };
        var ids = new TimeOrderedIds(clock);
        var phrasebook = new Phrasebook();
        var schema = new FormSchema(clock, postalCode -> Optional.empty());
        AccountDirectory directory = phone -> Optional.ofNullable(accounts.get(phone));
        var codesPerNumber = new CodesPerNumber(new InMemoryCodeSends(),
                new CodesPerNumberProperties(3, Duration.ofHours(1)), clock, new SimpleMeterRegistry());
        var proofs = new ContactProofs(false, codesPerNumber, phrasebook, ids, clock);
        // Every sender here writes from their phone, so no sender id is ever linked.
        SenderDirectory noLinks = new SenderDirectory() {
            @Override
            public Optional<AccountSnapshot> findBySender(String channel, String sender) {
                return Optional.empty();
            }

            @Override
            public boolean link(UUID accountId, String channel, String sender) {
                return false;
            }
        };
        conversations = new Conversations(new InMemoryConversationStore(clock, properties), new RulesInterpreter(),
                new FormLoop(directory, new Erasures(directory, phrasebook, ids, clock),
                        new Handoffs(properties, phrasebook, ids, clock),
                        proofs, schema, phrasebook, ids, clock), phrasebook, bus, ids, clock, properties,
                schema, new ConversationMetrics(new SimpleMeterRegistry(), schema), // counting is part of a turn
                new SenderLinking(proofs, codesPerNumber, noLinks, directory, phrasebook, ids, clock));
    }

    /** Turns per second on one thread. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void throughput() {
        turn();
    }

    /** How long one turn takes, sampled: p50, p99, p99.9 in microseconds. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void latency() {
        turn();
    }

    private void turn() {
        int sender = turn % SENDERS;
        int step = (turn / SENDERS) % SCRIPT.length;
        turn++;
        conversations.onMessage(messages[sender][step]);
    }
}
