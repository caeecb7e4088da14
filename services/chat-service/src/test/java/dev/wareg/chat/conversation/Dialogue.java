package dev.wareg.chat.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.chat.ChatProperties;
import dev.wareg.chat.intentmodel.BlendedInterpreter;
import dev.wareg.chat.interpretation.Intent;
import dev.wareg.chat.interpretation.Interpretation;
import dev.wareg.chat.interpretation.Interpreter;
import dev.wareg.chat.interpretation.RulesInterpreter;
import dev.wareg.chat.state.InMemoryCodeSends;
import dev.wareg.chat.state.InMemoryConversationStore;
import dev.wareg.contracts.AccountErased;
import dev.wareg.contracts.AccountErasureRequested;
import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.contracts.MessageReceived;
import dev.wareg.contracts.RegistrationUpdateApplied;
import dev.wareg.contracts.RegistrationUpdateRejected;
import dev.wareg.contracts.RegistrationUpdateRequested;
import dev.wareg.contracts.SendEmail;
import dev.wareg.contracts.SendMessage;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.EventHandler;
import dev.wareg.testsupport.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a conversation turn by turn, like a test story: {@code user("oi").bot("Olá! ...")}. The chat is real
 * (interpreter, form loop, store, phrasebook); the bus records what it publishes, and the account directory
 * is a map the test fills.
 */
final class Dialogue {

    static final String CHANNEL = "web-chat";
    /** The CEPs the tests' lookup knows. */
    static final Map<String, PostalAddress> POSTAL_CODES = Map.of(
            "01310-100", new PostalAddress("01310-100", "Avenida Paulista", "Bela Vista", "São Paulo", "SP"),
            "70040-010", new PostalAddress("70040-010", null, null, "Brasília", "DF"));

    final Map<String, AccountSnapshot> accounts = new HashMap<>();
    /** Sender ids linked to accounts' phones, as account-api keeps them: channel:sender -> phone. */
    final Map<String, String> links = new HashMap<>();
    boolean directoryDown;
    /** Every phone the chat looked an account up by, in order. */
    final List<String> lookedUp = new ArrayList<>();
    final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T12:00:00Z"));
    /** What the chat counted. */
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final List<IntegrationEvent> published = new ArrayList<>();
    /** Lines the interpreter reads as given here, whatever the rules make of them. */
    private final Map<String, Interpretation> readings = new HashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final InMemoryConversationStore store;
    private final Conversations conversations;
    private String sender;
    private List<SendMessage> lastReplies = List.of();
    private Runnable lastDelivery;
    /** Publishes to go before the broker refuses one, or -1 while it accepts them all. */
    private int publishesBeforeFailure = -1;
    private Duration lateness = Duration.ZERO;

    Dialogue(String sender) {
        this(sender, false, false);
    }

    /**
     * @param staffed people take conversations over in this deployment (hand-off is published)
     * @param mail    e-mail can be sent, so a new address is proven by a code
     */
    Dialogue(String sender, boolean staffed, boolean mail) {
        this.sender = sender;
        var properties = new ChatProperties(Locale.forLanguageTag("pt-BR"), Duration.ofMinutes(30), 1000, "chat-service",
                null, Duration.ofMinutes(5), new ChatProperties.Handoff(staffed, ""),
                java.util.List.of("web-chat", "cloud-api", "whatsapp-web"));
        AccountDirectory directory = phone -> {
            lookedUp.add(phone);
            if (directoryDown) {
                throw new AccountDirectory.AccountDirectoryUnavailable("down", null);
            }
            return java.util.Optional.ofNullable(accounts.get(phone));
        };
        SenderDirectory senders = new SenderDirectory() {
            @Override
            public Optional<AccountSnapshot> findBySender(String channel, String linked) {
                if (directoryDown) {
                    throw new AccountDirectory.AccountDirectoryUnavailable("down", null);
                }
                String phone = links.get(channel + ':' + linked);
                return Optional.ofNullable(phone == null ? null : accounts.get(phone)).map(account -> {
                    var values = new HashMap<>(account.values());
                    values.put("phone", phone);
                    return new AccountSnapshot(account.id(), account.version(), values);
                });
            }

            @Override
            public boolean link(UUID accountId, String channel, String linked) {
                Optional<String> phone = accounts.entrySet().stream()
                        .filter(account -> account.getValue().id().equals(accountId)).map(Map.Entry::getKey)
                        .findFirst();
                phone.ifPresent(number -> links.put(channel + ':' + linked, number));
                return phone.isPresent();
            }
        };
        EventBus bus = new EventBus() {
            @Override
            public void publish(IntegrationEvent event) {
                if (publishesBeforeFailure-- == 0) {
                    throw new IllegalStateException("the broker is down");
                }
                published.add(event);
            }

            @Override
            public <E extends IntegrationEvent> void subscribe(String subscriber, Class<E> type, EventHandler<E> handler) {
            }
        };
        var phrasebook = new Phrasebook();
        var ids = (dev.wareg.platform.defaults.IdGenerator) () -> new UUID(0, sequence.incrementAndGet());
        var schema = new FormSchema(clock, postalCode -> java.util.Optional.ofNullable(POSTAL_CODES.get(postalCode)));
        store = new InMemoryConversationStore(clock, properties);
        // As the chat reads, without the local model: the rules blended with the intent model the build trained.
        var blend = BlendedInterpreter.fromClasspath(new RulesInterpreter());
        Interpreter interpreter = (text, askedField) -> readings.containsKey(text) ? readings.get(text)
                : blend.interpret(text, askedField);
        var codesPerNumber = new CodesPerNumber(new InMemoryCodeSends(),
                new CodesPerNumberProperties(3, Duration.ofHours(1)), clock, meters);
        var proofs = new ContactProofs(mail, codesPerNumber, phrasebook, ids, clock);
        conversations = new Conversations(store, interpreter,
                new FormLoop(directory, new Erasures(directory, phrasebook, ids, clock),
                        new Handoffs(properties, phrasebook, ids, clock),
                        proofs, schema, phrasebook, ids, clock),
                phrasebook, bus, ids, clock, properties, schema,
                new ConversationMetrics(meters, schema),
                new SenderLinking(proofs, codesPerNumber, senders, directory, phrasebook, ids, clock));
    }

    Dialogue withAccount(String name, String email) {
        accounts.put(Senders.phone(sender).orElse(sender), new AccountSnapshot(UUID.fromString("00000000-0000-7000-8000-000000000001"), 3,
                Map.of("name", name, "email", email)));
        return this;
    }

    /**
     * The interpreter reads this line so: a test of what the form loop does with a reading, apart from how the
     * interpreter comes to it.
     */
    Dialogue reads(String text, Intent intent, Set<String> targetFields, Map<String, String> values) {
        readings.put(text, new Interpretation(intent, 0.9, targetFields, values, Optional.empty(), Optional.empty(),
                false));
        return this;
    }

    Dialogue user(String text) {
        var message = new MessageReceived(UUID.randomUUID(), clock.instant().minus(lateness), CHANNEL,
                UUID.randomUUID().toString(), sender, text, true);
        return deliver(() -> conversations.onMessage(message));
    }

    /** The person sends media instead of text: a voice note ({@code audio}), a picture, a sticker, a reaction. */
    Dialogue media(String kind) {
        var message = new MessageReceived(UUID.randomUUID(), clock.instant().minus(lateness), CHANNEL,
                UUID.randomUUID().toString(), sender, "", null, true, kind);
        return deliver(() -> conversations.onMessage(message));
    }

    /** A message whose channel did not prove who sent it. */
    Dialogue unproven(String text) {
        var message = new MessageReceived(UUID.randomUUID(), clock.instant().minus(lateness), CHANNEL,
                UUID.randomUUID().toString(), sender, text, false);
        return deliver(() -> conversations.onMessage(message));
    }

    /** The person shares a place: a map pin, with the place's name and address where one was picked. */
    Dialogue location(double latitude, double longitude, String name, String address) {
        var message = new MessageReceived(UUID.randomUUID(), clock.instant().minus(lateness), CHANNEL,
                UUID.randomUUID().toString(), sender, "", new MessageReceived.Location(latitude, longitude, name, address),
                true);
        return deliver(() -> conversations.onMessage(message));
    }

    /** The person shares a place picked on the map, with its address. */
    Dialogue location(String address) {
        return location(-23.5614, -46.6559, null, address);
    }

    /** The person shares where they are: a pin, coordinates only. */
    Dialogue pin() {
        return location(-23.5505, -46.6333, null, null);
    }

    /** The next messages reach the chat this long after their channel received them (they waited on the bus). */
    Dialogue deliveredLate(Duration wait) {
        lateness = wait;
        return this;
    }

    /** The bus delivers the last event again, as it does after its handler threw (or the process died). */
    Dialogue redelivered() {
        return deliver(lastDelivery);
    }

    /** The broker accepts {@code accepted} more events, refuses the next one, and then works again. */
    Dialogue brokerFailsAfter(int accepted) {
        publishesBeforeFailure = accepted;
        return this;
    }

    /** The sender's conversation as stored. */
    Optional<Conversation> stored() {
        return store.find(CHANNEL, sender);
    }

    /** The bot's replies to the last event, in order, exactly. */
    Dialogue bot(String... texts) {
        assertThat(lastReplies).extracting(SendMessage::text).containsExactly(texts);
        return this;
    }

    Dialogue botOffers(String... buttonTitles) {
        assertThat(lastReplies.getLast().buttons()).extracting(SendMessage.Button::title).containsExactly(buttonTitles);
        return this;
    }

    /** The worker applied the last request. */
    Dialogue workerApplies() {
        var request = lastRequest();
        var outcome = new RegistrationUpdateApplied(UUID.randomUUID(), clock.instant(), request.eventId(),
                request.accountId() == null ? UUID.randomUUID() : request.accountId(), 4, request.channel(),
                request.conversationId());
        return deliver(() -> conversations.onApplied(outcome));
    }

    /** The worker rejected the last request: an update, or an erasure when that came last. */
    Dialogue workerRejects(RegistrationUpdateRejected.ReasonCode code) {
        var last = published.reversed().stream()
                .filter(event -> event instanceof RegistrationUpdateRequested || event instanceof AccountErasureRequested)
                .findFirst().orElseThrow(() -> new AssertionError("nothing was requested"));
        var outcome = last instanceof AccountErasureRequested erasure
                ? new RegistrationUpdateRejected(UUID.randomUUID(), clock.instant(), erasure.eventId(), code, "test",
                        erasure.channel(), erasure.conversationId())
                : new RegistrationUpdateRejected(UUID.randomUUID(), clock.instant(), last.eventId(), code, "test",
                        lastRequest().channel(), lastRequest().conversationId());
        return deliver(() -> conversations.onRejected(outcome));
    }

    /** The worker erased the account the last erasure request named; it is gone from the directory. */
    Dialogue workerErases() {
        var request = published.reversed().stream().filter(AccountErasureRequested.class::isInstance)
                .map(AccountErasureRequested.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no erasure was requested"));
        String phone = accounts.entrySet().stream()
                .filter(account -> account.getValue().id().equals(request.accountId())).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
        accounts.remove(phone);
        links.values().removeIf(phone::equals);
        var erased = new AccountErased(UUID.randomUUID(), clock.instant(), request.eventId(), request.accountId(),
                phone, request.channel(), request.conversationId());
        return deliver(() -> conversations.onErased(erased));
    }

    /** An operator erased this sender's account through the API: no conversation asked for it. */
    Dialogue erasedThroughTheApi() {
        String phone = Senders.phone(sender).orElseGet(() -> links.get(CHANNEL + ':' + sender));
        AccountSnapshot account = accounts.remove(phone);
        List<String> linked = links.entrySet().stream().filter(link -> link.getValue().equals(phone))
                .map(Map.Entry::getKey).toList();
        links.values().removeIf(phone::equals);
        var erased = new AccountErased(UUID.randomUUID(), clock.instant(), null, account.id(), phone, null, null,
                linked);
        return deliver(() -> conversations.onErased(erased));
    }

    /** The last e-mail the chat asked to send. */
    SendEmail lastEmail() {
        return published.reversed().stream().filter(SendEmail.class::isInstance).map(SendEmail.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no e-mail was sent"));
    }

    /** The code in the last e-mail sent, as the person reads it. */
    String lastEmailedCode() {
        var code = java.util.regex.Pattern.compile("\\b(\\d{6})\\b").matcher(lastEmail().text());
        assertThat(code.find()).as("a six-digit code in the e-mail").isTrue();
        return code.group(1);
    }

    List<AccountErasureRequested> erasures() {
        return published.stream().filter(AccountErasureRequested.class::isInstance)
                .map(AccountErasureRequested.class::cast).toList();
    }

    /** Hands an event to the chat; what its handler throws, the bus would see. */
    private Dialogue deliver(Runnable delivery) {
        lastDelivery = delivery;
        int before = published.size();
        delivery.run();
        lastReplies = repliesSince(before);
        return this;
    }

    RegistrationUpdateRequested lastRequest() {
        return published.stream().filter(RegistrationUpdateRequested.class::isInstance)
                .map(RegistrationUpdateRequested.class::cast).reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no update was requested"));
    }

    /** The bot's replies to the last event. */
    List<SendMessage> replies() {
        return lastReplies;
    }

    /** Everything published so far, replies included. */
    List<IntegrationEvent> published() {
        return List.copyOf(published);
    }

    /** The next lines come from another person, in another conversation with the same bot. */
    Dialogue from(String otherSender) {
        sender = otherSender;
        return this;
    }

    /** Time passes without anyone writing. */
    Dialogue after(Duration pause) {
        clock.advance(pause);
        return this;
    }

    /** An account with these values on another number than the sender's (one a sender without a phone links). */
    Dialogue withAccountOn(String phone, Map<String, String> values) {
        UUID id = UUID.nameUUIDFromBytes(phone.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        accounts.put(phone, new AccountSnapshot(id, 3, values));
        return this;
    }

    /** An account with these values, by field name. */
    Dialogue withAccount(Map<String, String> values) {
        accounts.put(Senders.phone(sender).orElse(sender), new AccountSnapshot(UUID.fromString("00000000-0000-7000-8000-000000000001"), 3, values));
        return this;
    }

    List<RegistrationUpdateRequested> requests() {
        return published.stream().filter(RegistrationUpdateRequested.class::isInstance)
                .map(RegistrationUpdateRequested.class::cast).toList();
    }

    /** The code in the last message sent to another number than the sender's (a new number being proven). */
    String lastTextedCode(String number) {
        SendMessage texted = published.reversed().stream().filter(SendMessage.class::isInstance)
                .map(SendMessage.class::cast).filter(message -> message.recipient().equals(number)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing was sent to " + number));
        var code = java.util.regex.Pattern.compile("\\b(\\d{6})\\b").matcher(texted.text());
        assertThat(code.find()).as("a six-digit code in the message").isTrue();
        return code.group(1);
    }

    /** What was sent to another number than the sender's, on the conversation's channel. */
    List<SendMessage> textedElsewhere() {
        return published.stream().filter(SendMessage.class::isInstance).map(SendMessage.class::cast)
                .filter(message -> !message.recipient().equals(sender)).toList();
    }

    private List<SendMessage> repliesSince(int index) {
        // A code sent to a new number goes to that number, not to the sender: it is no reply.
        List<SendMessage> replies = published.subList(index, published.size()).stream()
                .filter(SendMessage.class::isInstance).map(SendMessage.class::cast)
                .filter(message -> message.recipient().equals(sender)).toList();
        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.recipient()).isEqualTo(sender);
            assertThat(reply.channel()).isEqualTo(CHANNEL);
        });
        return replies;
    }
}
