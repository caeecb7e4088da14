package dev.wareg.chat.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.chat.ChatProperties;
import dev.wareg.chat.conversation.ContactProof;
import dev.wareg.chat.conversation.Conversation;
import dev.wareg.chat.conversation.ConversationStore;
import dev.wareg.chat.conversation.Stage;
import dev.wareg.contracts.FieldChange;
import dev.wareg.contracts.HandoffRequested;
import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.contracts.RegistrationUpdateRequested;
import dev.wareg.contracts.SendMessage;
import dev.wareg.testsupport.SettableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConversationStore} does, whatever keeps the conversations. Each adapter's tests extend this
 * and say how to make an empty store.
 */
abstract class ConversationStoreContract {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final Duration TTL = Duration.ofMinutes(30);
    static final String PHONE = "+5511987654321";

    final SettableClock clock = new SettableClock(NOW);
    ConversationStore store;

    /** An empty store keeping conversations for {@code properties.conversationTtl()} by {@code clock}. */
    abstract ConversationStore emptyStore(Clock clock, ChatProperties properties);

    @BeforeEach
    void createStore() {
        store = emptyStore(clock, new ChatProperties(Locale.forLanguageTag("pt-BR"), TTL, 1000, "chat-service", null,
                Duration.ofMinutes(5), new ChatProperties.Handoff(false, ""),
                java.util.List.of("web-chat", "cloud-api", "whatsapp-web")));
    }

    @Test
    void returnsWhatWasSavedUntilItsTimeToLiveRunsOut() {
        Optional<Conversation> saved = store.save(collecting("web-chat", PHONE));
        assertThat(saved).hasValueSatisfying(conversation -> assertThat(conversation.revision()).isEqualTo(1));
        assertThat(store.find("web-chat", PHONE)).isEqualTo(saved);

        clock.advance(TTL.minusMillis(1));
        assertThat(store.find("web-chat", PHONE)).isEqualTo(saved);

        clock.advance(Duration.ofMillis(1));
        assertThat(store.find("web-chat", PHONE)).isEmpty();
    }

    @Test
    void keepsOneConversationPerChannelAndSender() {
        Conversation web = store.save(collecting("web-chat", PHONE)).orElseThrow();
        Conversation cloud = store.save(inStage(collecting("cloud-api", PHONE), Stage.CONFIRMING)).orElseThrow();
        Conversation other = store.save(collecting("web-chat", "+5521912345678")).orElseThrow();

        assertThat(store.find("web-chat", PHONE)).contains(web);
        assertThat(store.find("cloud-api", PHONE)).contains(cloud);
        assertThat(store.find("web-chat", "+5521912345678")).contains(other);
        assertThat(store.find("whatsapp-web", PHONE)).isEmpty();
        assertThat(store.find("web-chat", "+5511987654322")).isEmpty();
    }

    @Test
    void deleteForgetsTheConversationAndOnlyIt() {
        store.save(collecting("web-chat", PHONE));
        Conversation cloud = store.save(collecting("cloud-api", PHONE)).orElseThrow();

        store.delete("web-chat", PHONE);
        store.delete("web-chat", "+5521912345678");

        assertThat(store.find("web-chat", PHONE)).isEmpty();
        assertThat(store.find("cloud-api", PHONE)).contains(cloud);
    }

    @Test
    void refusesASaveBasedOnAnOlderRevisionAndKeepsTheStoredOne() {
        Conversation first = store.save(collecting("web-chat", PHONE)).orElseThrow();
        Conversation second = store.save(inStage(first, Stage.CONFIRMING)).orElseThrow();
        assertThat(second.revision()).isEqualTo(2);

        assertThat(store.save(inStage(first, Stage.IDLE))).isEmpty();
        assertThat(store.save(Conversation.start("web-chat", PHONE, Locale.ENGLISH, clock.instant()))).isEmpty();

        assertThat(store.find("web-chat", PHONE)).contains(second);
    }

    @Test
    void ofTwoSavesFromTheSameRevisionExactlyOneWins() throws Exception {
        onlyOneOfTwoRacingSavesWins(() -> {
            Conversation base = store.save(collecting("web-chat", PHONE)).orElseThrow();
            return List.of(inStage(base, Stage.CONFIRMING), inStage(base, Stage.IDLE));
        });
    }

    @Test
    void ofTwoFirstSavesForThePersonExactlyOneWins() throws Exception {
        onlyOneOfTwoRacingSavesWins(() -> List.of(
                Conversation.start("web-chat", PHONE, Locale.forLanguageTag("pt-BR"), clock.instant()),
                Conversation.start("web-chat", PHONE, Locale.ENGLISH, clock.instant())));
    }

    /** Twenty rounds of saving two conversations at the same moment, each round's two made by {@code rivals}. */
    private void onlyOneOfTwoRacingSavesWins(Supplier<List<Conversation>> rivals) throws Exception {
        try (var threads = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 20; round++) {
                var start = new CountDownLatch(1);
                List<Future<Optional<Conversation>>> saves = new ArrayList<>();
                for (Conversation rival : rivals.get()) {
                    saves.add(threads.submit(() -> {
                        start.await();
                        return store.save(rival);
                    }));
                }
                start.countDown();
                List<Conversation> won = new ArrayList<>();
                for (var save : saves) {
                    save.get().ifPresent(won::add);
                }

                assertThat(won).as("round %d", round).hasSize(1);
                assertThat(store.find("web-chat", PHONE)).as("round %d", round).contains(won.getFirst());
                store.delete("web-chat", PHONE);
            }
        }
    }

    @Test
    void aSaveAfterExpiryStartsAfresh() {
        Conversation stored = store.save(collecting("web-chat", PHONE)).orElseThrow();
        store.save(inStage(stored, Stage.CONFIRMING));
        clock.advance(TTL);

        Conversation fresh = Conversation.start("web-chat", PHONE, Locale.ENGLISH, clock.instant());
        assertThat(store.save(fresh)).contains(fresh.saved());
        assertThat(store.find("web-chat", PHONE)).contains(fresh.saved());
    }

    @Test
    void aSaveAfterDeleteStartsAfresh() {
        Conversation stored = store.save(collecting("web-chat", PHONE)).orElseThrow();
        store.save(inStage(stored, Stage.CONFIRMING));
        store.delete("web-chat", PHONE);

        Conversation fresh = Conversation.start("web-chat", PHONE, Locale.ENGLISH, clock.instant());
        assertThat(store.save(fresh)).contains(fresh.saved());
        assertThat(store.find("web-chat", PHONE)).contains(fresh.saved());
    }

    @Test
    void keepsEveryComponentOfTheConversation() {
        var collected = new LinkedHashMap<String, String>();
        collected.put("phone", "+5511912345678");
        collected.put("email", "maria@example.com");
        collected.put("name", "Maria da Silva");
        var everything = new Conversation("cloud-api", PHONE, Locale.ENGLISH, Stage.RESUMING, UUID.randomUUID(), 7L,
                true, List.of("address", "cpf"), List.of("phone", "email", "name"),
                Map.of("phone", "+5511987654321", "email", "maria@old.example", "name", "Maria Silva"), collected,
                "maria@gmail.com", 2, UUID.randomUUID(), Stage.CONFIRMING,
                new ContactProof("email", "c2FsdA==", "aGFzaA==", NOW.plusSeconds(600), 1, 2, List.of()), 4,
                NOW.plusNanos(123_456_789),
                UUID.randomUUID(), List.of(new SendMessage(UUID.randomUUID(), NOW, "cloud-api", PHONE, "Certo?",
                        List.of(new SendMessage.Button("yes", "Sim")))), "+5511987654321");

        Conversation saved = store.save(everything).orElseThrow();

        Conversation found = store.find("cloud-api", PHONE).orElseThrow();
        assertThat(found).isEqualTo(saved).isEqualTo(everything.saved());
        assertThat(found.collected().keySet()).as("the order the values were given in")
                .containsExactly("phone", "email", "name");
    }

    @Test
    void keepsTheOutboxExactlyWithTheStateItLedTo() {
        UUID message = UUID.randomUUID();
        var request = new RegistrationUpdateRequested(UUID.randomUUID(), NOW.plusNanos(1), UUID.randomUUID(), PHONE,
                Map.of("email", new FieldChange("maria@old.example", "maria@example.com")), 3L, "web-chat", PHONE);
        List<IntegrationEvent> outbox = List.of(
                new SendMessage(UUID.randomUUID(), NOW, "web-chat", PHONE, "Um momento, salvando…", List.of()),
                request,
                new HandoffRequested(UUID.randomUUID(), NOW, "web-chat", PHONE, "pt-BR"));
        Conversation applying = withOutbox(inStage(collecting("web-chat", PHONE), Stage.APPLYING), message, outbox);

        Conversation saved = store.save(applying).orElseThrow();

        Conversation found = store.find("web-chat", PHONE).orElseThrow();
        assertThat(found).isEqualTo(saved);
        assertThat(found.handled()).isEqualTo(message);
        assertThat(found.outbox()).as("the same events, ids included, in order").containsExactlyElementsOf(outbox);

        Conversation next = store.save(withOutbox(inStage(found, Stage.IDLE), UUID.randomUUID(), List.of()))
                .orElseThrow();
        assertThat(store.find("web-chat", PHONE)).contains(next)
                .hasValueSatisfying(conversation -> assertThat(conversation.outbox()).isEmpty());
    }

    @Test
    void keepsTheAbsenceOfOptionalComponents() {
        Conversation fresh = Conversation.start("web-chat", PHONE, Locale.forLanguageTag("pt-BR"), NOW);

        store.save(fresh);

        assertThat(store.find("web-chat", PHONE)).contains(fresh.saved());
    }

    /** The same conversation in another stage ({@code Conversation}'s own withers are the form loop's). */
    static Conversation inStage(Conversation c, Stage stage) {
        return new Conversation(c.channel(), c.sender(), c.language(), stage, c.accountId(), c.accountVersion(),
                c.reviewing(), c.pending(), c.answered(), c.current(), c.collected(), c.suggestion(), c.failures(),
                c.pendingRequest(), c.pausedAt(), c.proof(), c.revision(), c.updatedAt(), c.handled(), c.outbox());
    }

    /** The same conversation having handled another event, which published these. */
    static Conversation withOutbox(Conversation c, UUID handled, List<IntegrationEvent> outbox) {
        return new Conversation(c.channel(), c.sender(), c.language(), c.stage(), c.accountId(), c.accountVersion(),
                c.reviewing(), c.pending(), c.answered(), c.current(), c.collected(), c.suggestion(), c.failures(),
                c.pendingRequest(), c.pausedAt(), c.proof(), c.revision(), c.updatedAt(), handled, outbox);
    }

    /** A conversation in the middle of a registration, as the form loop leaves it after the first answer. */
    Conversation collecting(String channel, String sender) {
        return new Conversation(channel, sender, Locale.forLanguageTag("pt-BR"), Stage.COLLECTING, null, null, false,
                List.of("email"), List.of("name"), Map.of(), Map.of("name", "Maria"), null, 0, null, null, null, 0,
                clock.instant(), null, List.of());
    }
}
