package dev.wareg.chat.conversation;

import dev.wareg.chat.ChatProperties;
import dev.wareg.chat.interpretation.Intent;
import dev.wareg.chat.interpretation.Interpretation;
import dev.wareg.chat.interpretation.Interpreter;
import dev.wareg.chat.interpretation.MapAddresses;
import dev.wareg.contracts.AccountErased;
import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.contracts.MessageReceived;
import dev.wareg.contracts.RegistrationUpdateApplied;
import dev.wareg.contracts.RegistrationUpdateRejected;
import dev.wareg.contracts.SendMessage;
import dev.wareg.platform.defaults.IdGenerator;
import dev.wareg.platform.messaging.EventBus;
import java.nio.charset.StandardCharsets;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The chat's side of the bus: each message and each update outcome loads the sender's conversation, moves it
 * on, saves it together with what it publishes, and then publishes that. The bus hands this subscriber one event
 * of a person at a time, in order, and redelivers one whose handling failed before going on: so the conversation's
 * last handled event is the only one that can come again, and its remembered outbox is what it published.
 */
@Component
class Conversations implements SmartInitializingSingleton {

    static final String SUBSCRIBER = "chat-service";
    private static final int SAVE_ATTEMPTS = 3;

    private final ConversationStore store;
    private final Interpreter interpreter;
    private final FormLoop formLoop;
    private final Phrasebook phrasebook;
    private final EventBus bus;
    private final IdGenerator ids;
    private final Clock clock;
    private final ChatProperties properties;
    private final FormSchema schema;
    private final ConversationMetrics metrics;
    private final SenderLinking linking;

    Conversations(ConversationStore store, Interpreter interpreter, FormLoop formLoop, Phrasebook phrasebook,
                  EventBus bus, IdGenerator ids, Clock clock, ChatProperties properties, FormSchema schema,
                  ConversationMetrics metrics, SenderLinking linking) {
        this.linking = linking;
        this.schema = schema;
        this.metrics = metrics;
        this.store = store;
        this.interpreter = interpreter;
        this.formLoop = formLoop;
        this.phrasebook = phrasebook;
        this.bus = bus;
        this.ids = ids;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        bus.subscribe(SUBSCRIBER, MessageReceived.class, this::onMessage);
        bus.subscribe(SUBSCRIBER, RegistrationUpdateApplied.class, this::onApplied);
        bus.subscribe(SUBSCRIBER, RegistrationUpdateRejected.class, this::onRejected);
        bus.subscribe(SUBSCRIBER, AccountErased.class, this::onErased);
    }

    void onMessage(MessageReceived message) {
        Timer.Sample handling = metrics.startTurn();
        for (int attempt = 1; attempt <= SAVE_ATTEMPTS; attempt++) {
            Optional<Conversation> stored = store.find(message.channel(), message.sender());
            Conversation conversation = stored.orElseGet(() -> Conversation.start(message.channel(),
                    message.sender(), properties.defaultLanguage(), clock.instant()));
            if (conversation.hasHandled(message.eventId())) {
                publishOutbox(conversation);
                return;
            }
            // Replies and events leave only once the state they follow from is stored, with them: a turn that lost
            // the race against another message of the same sender is played again on the newer state, and a turn
            // whose publishing failed is published again, unchanged, when the bus redelivers its message.
            Answer answer = answer(conversation, message);
            Optional<Conversation> saved = store.save(answer.next());
            if (saved.isPresent()) {
                metrics.turn(message, stored.isEmpty(), conversation, saved.get(), answer.notes());
                metrics.replied(saved.get().outbox());
                publishOutbox(saved.get());
                metrics.answered(message, handling, Duration.between(message.occurredAt(), clock.instant()));
                return;
            }
        }
        throw new IllegalStateException("the conversation kept changing while a message was handled");
    }

    /** The conversation after a message, remembering what it publishes, and the turn's notes to count. */
    private record Answer(Conversation next, List<Turn.Note> notes) {
    }

    private Answer answer(Conversation stored, MessageReceived message) {
        if (!message.senderVerified()) {
            return unidentified(stored, message, "sender.unproven");
        }
        Conversation conversation = stored;
        if (Senders.phone(message.sender()).isEmpty()) {
            Optional<Conversation> linked;
            try {
                linked = linking.linked(stored);
            } catch (AccountDirectory.AccountDirectoryUnavailable e) {
                return new Answer(stored.remembering(message.eventId(), List.of(reply(stored,
                        phrasebook.say(stored.language(), "accounts.unavailable")))), List.of());
            }
            if (linked.isEmpty()) {
                return toLink(stored, message);
            }
            conversation = linked.get();
        }
        if (message.media() != null) {
            return media(conversation, message);
        }
        if (message.location() != null) {
            return after(formLoop.handleLocation(conversation, addressOf(message.location())), message);
        }
        String text = message.text().strip();
        if (text.isEmpty()) {
            return new Answer(conversation.remembering(message.eventId(),
                    List.of(reply(conversation, phrasebook.say(conversation.language(), "message.empty")))), List.of());
        }
        if (text.length() > properties.maxMessageLength()) {
            return new Answer(conversation.remembering(message.eventId(), List.of(reply(conversation,
                    phrasebook.say(conversation.language(), "message.too.long", properties.maxMessageLength())))),
                    List.of());
        }
        String asking = conversation.stage() == Stage.COLLECTING ? conversation.asking() : null;
        Interpretation meaning = interpreter.interpret(text, asking);
        Optional<String> option = numberedOption(conversation, meaning);
        if (option.isPresent()) {
            text = option.get();
            meaning = interpreter.interpret(text, asking);
        }
        meaning = correctionOfTheOneChange(conversation, text, meaning);
        meaning = answerToTheOffer(conversation, text, meaning);
        // An answer to a question is no evidence of a language ("Ana da Silva" in an English conversation).
        boolean answering = conversation.stage() == Stage.COLLECTING && meaning.intent() == Intent.PROVIDE_VALUE;
        Conversation understood = answering ? conversation
                : meaning.language().map(conversation::withLanguage).orElse(conversation);
        boolean returning = !conversation.updatedAt().plus(properties.resumeAfter()).isAfter(clock.instant());
        return after(formLoop.handle(understood, text, meaning, returning), message);
    }

    /**
     * At the confirmation of a change of one field, a correction that names no field ("ops, é Rosana da Silva",
     * "oops typo, it's Jennifer Adams") is about that field: read again as its answer, for the value in it.
     */
    private Interpretation correctionOfTheOneChange(Conversation conversation, String text, Interpretation meaning) {
        boolean unplaced = meaning.values().isEmpty() && meaning.targetFields().isEmpty()
                && (meaning.intent() == Intent.CORRECT || meaning.intent() == Intent.DENY);
        if (!unplaced || conversation.stage() != Stage.CONFIRMING) {
            return meaning;
        }
        return formLoop.soleChange(conversation).flatMap(field -> Optional.of(interpreter.interpret(text, field))
                        .filter(reread -> reread.values().containsKey(field)))
                .orElse(meaning);
    }

    /**
     * Offered a registration, a person who answers with their details accepts it: read again as the answer to its
     * first question, so that the name beside the e-mail is taken too ("Carla Mendes, carla@x.com"), and a full name
     * alone is taken as the name ("Débora Cristina Lopes"). A single word is not enough to tell a name from a remark.
     */
    private Interpretation answerToTheOffer(Conversation conversation, String text, Interpretation meaning) {
        boolean unplaced = meaning.intent() == Intent.OUT_OF_SCOPE || meaning.intent() == Intent.PROVIDE_VALUE;
        if (conversation.stage() != Stage.OFFERED_REGISTRATION || !unplaced || text.indexOf('?') >= 0) {
            return meaning;
        }
        String first = formLoop.firstAsked();
        Interpretation reread = interpreter.interpret(text, first);
        String answer = reread.values().get(first);
        boolean taken = answer != null && reread.values().keySet().containsAll(meaning.values().keySet())
                && (!meaning.values().isEmpty() || answer.strip().split("\\s+").length >= 2);
        return taken ? reread : meaning;
    }

    /**
     * A sender the channel did not prove: told so, in their language, and nothing else. No account is looked up, so
     * the answer is the same whether one exists for the number or not, and nothing of a form is kept.
     */
    private Answer unidentified(Conversation conversation, MessageReceived message, String key) {
        String text = message.text().strip();
        Conversation understood = conversation.reset();
        if (!text.isEmpty() && text.length() <= properties.maxMessageLength()) {
            understood = interpreter.interpret(text).language().map(understood::withLanguage).orElse(understood);
        }
        return new Answer(understood.remembering(message.eventId(),
                List.of(reply(understood, phrasebook.say(understood.language(), key)))), List.of());
    }

    /**
     * A sender known only by an id that is no phone, not linked to one yet: told so and how to link, or on the way
     * to a link ({@link SenderLinking}). Nothing of an account is looked up before the phone is proven.
     */
    private Answer toLink(Conversation conversation, MessageReceived message) {
        String text = message.media() == null ? message.text().strip() : "";
        if (text.length() > properties.maxMessageLength()) {
            text = "";
        }
        Conversation understood = text.isEmpty() ? conversation
                : interpreter.interpret(text).language().map(conversation::withLanguage).orElse(conversation);
        Interpretation meaning = text.isEmpty() ? null : interpreter.interpret(text, "phone");
        return after(linking.answer(understood, text, meaning), message);
    }

    /**
     * A voice note, a picture, a sticker: answered for what it is (the bot reads text only), with the open question
     * again where one is open, and nothing of the form changes. A reaction (a 👍 on an earlier message) gets no
     * answer: a person does not expect one.
     */
    private Answer media(Conversation conversation, MessageReceived message) {
        if (message.media().equals("reaction")) {
            return new Answer(conversation.remembering(message.eventId(), List.of()), List.of());
        }
        List<IntegrationEvent> replies = new ArrayList<>(List.of(reply(conversation,
                phrasebook.say(conversation.language(), "media." + message.media()))));
        formLoop.openQuestion(conversation).ifPresent(question ->
                replies.add(reply(conversation, question.text(), question.buttons())));
        return new Answer(conversation.remembering(message.eventId(), replies), List.of());
    }

    /**
     * The option a bare number picks ("1", "opção 2") among those the last reply offered. Channels without buttons
     * show them as numbered lines (WhatsApp Web, the Cloud API where they do not fit), and people answer with the
     * number; the option's title then reads as if tapped. A number that answers the field being asked (a house
     * number) stays that value.
     */
    private static Optional<String> numberedOption(Conversation conversation, Interpretation meaning) {
        boolean answersTheField = conversation.stage() == Stage.COLLECTING
                && meaning.values().containsKey(conversation.asking());
        if (meaning.choice().isEmpty() || answersTheField) {
            return Optional.empty();
        }
        List<SendMessage.Button> offered = conversation.outbox().reversed().stream()
                .filter(SendMessage.class::isInstance).map(SendMessage.class::cast)
                .findFirst().map(SendMessage::buttons).orElse(List.of());
        int choice = meaning.choice().get();
        return choice >= 1 && choice <= offered.size() ? Optional.of(offered.get(choice - 1).title())
                : Optional.empty();
    }

    /**
     * What a shared place's written address says, by field: read by position where it is in a map's format
     * ({@link MapAddresses}), otherwise as typed text is; then its name, where the address says nothing ("Praça da
     * Sé" is a street, "MASP" nothing). Typed text is read without the field being asked, so that only what the
     * rules spot is taken, never the whole line as the answer. Empty for a bare pin, which has coordinates only:
     * they are not turned into an address (that would need a geocoding service outside the deployment, and a pin
     * is often not where the person lives).
     */
    private Map<String, String> addressOf(MessageReceived.Location location) {
        for (String written : Stream.of(location.address(), location.name()).filter(Objects::nonNull).toList()) {
            if (written.length() > properties.maxMessageLength()) {
                continue;
            }
            Map<String, String> values = MapAddresses.read(written);
            if (values.isEmpty()) {
                values = inWrittenOrder(interpreter.interpret(written).values(), written);
            }
            if (!values.isEmpty()) {
                return values;
            }
        }
        return Map.of();
    }

    /**
     * The values in the order the address writes them, so that the bot says them back as the person knows them
     * (one not written as spotted, after the others in the schema's order).
     */
    private Map<String, String> inWrittenOrder(Map<String, String> values, String written) {
        Comparator<Map.Entry<String, String>> byPlace = Comparator.comparingInt(value -> {
            int at = written.indexOf(value.getValue());
            return at < 0 ? written.length() : at;
        });
        Map<String, String> ordered = new LinkedHashMap<>();
        values.entrySet().stream()
                .sorted(byPlace.thenComparingInt(value -> schema.all().indexOf(value.getKey())))
                .forEach(value -> ordered.put(value.getKey(), value.getValue()));
        return ordered;
    }

    /** The conversation after a turn, remembering the replies and events the message led to. */
    private Answer after(Turn turn, MessageReceived message) {
        Conversation next = turn.next().at(clock.instant());
        List<IntegrationEvent> published = new ArrayList<>();
        turn.replies().forEach(reply -> published.add(reply(next, reply.text(), reply.buttons())));
        published.addAll(turn.events());
        return new Answer(next.remembering(message.eventId(), published), turn.notes());
    }

    void onApplied(RegistrationUpdateApplied outcome) {
        store.find(outcome.channel(), outcome.conversationId())
                .filter(conversation -> conversation.stage() == Stage.APPLYING && conversation.isRegistration())
                .filter(conversation -> outcome.requestId().equals(conversation.pendingRequest()))
                .ifPresent(conversation -> linking.registered(conversation, outcome));
        tellOutcome(outcome, () -> metrics.completed(outcome.channel()), outcome.channel(),
                outcome.conversationId(), outcome.requestId(), (waiting, language) -> {
            if (waiting.isPresent() && waiting.get().isRegistration()) {
                return phrasebook.say(language, "applied.registration");
            } else if (waiting.isPresent()) {
                String labels = waiting.get().collected().keySet().stream()
                        .map(schema::topicOf).distinct()
                        .map(topic -> phrasebook.inline(language, "topic." + topic.name() + ".label"))
                        .collect(Collectors.joining(", "));
                return phrasebook.say(language, "applied.update", labels);
            }
            return phrasebook.say(language, "applied.generic");
        });
    }

    void onRejected(RegistrationUpdateRejected outcome) {
        // Rejections are counted by the update-worker, which knows the reason first; counting them here too would
        // show each twice in a sum over services.
        tellOutcome(outcome, () -> { }, outcome.channel(), outcome.conversationId(), outcome.requestId(),
                (waiting, language) -> phrasebook.say(language,
                        (waiting.isPresent() && waiting.get().stage() == Stage.ERASING ? "erasure.rejected."
                                : "rejected.") + outcome.reasonCode().name()));
    }

    /**
     * An account was erased, asked for in a chat or through the API: the conversation that asked is told, then every
     * conversation kept for the person's number, on every channel and under every form of the number a channel may
     * use, and every conversation of a sender id linked to the account, is deleted (with the values and the outbox it
     * held). The telling's id comes from the event's, so a redelivery tells it under the same id, and the channel
     * skips it.
     */
    void onErased(AccountErased erased) {
        if (erased.channel() != null) {
            Locale language = store.find(erased.channel(), erased.conversationId()).map(Conversation::language)
                    .orElse(properties.defaultLanguage());
            bus.publish(new SendMessage(UUID.nameUUIDFromBytes(("told " + erased.eventId())
                    .getBytes(StandardCharsets.UTF_8)), clock.instant(), erased.channel(), erased.conversationId(),
                    phrasebook.say(language, "erasure.done"), List.of(), language.toLanguageTag()));
        }
        for (String channel : properties.channels()) {
            Senders.namesOf(erased.phone()).forEach(sender -> store.delete(channel, sender));
        }
        // Senders known only by an id linked to the account (a BSUID, a LID) keep their conversation under that id.
        for (String linked : erased.senders()) {
            int colon = linked.indexOf(':');
            if (colon > 0) {
                store.delete(linked.substring(0, colon), linked.substring(colon + 1));
            }
        }
        if (erased.channel() != null) {
            store.delete(erased.channel(), erased.conversationId());
        }
    }

    /**
     * Tells the outcome of a request and, if the conversation was waiting for it, forgets the collected values. The
     * telling is remembered in the conversation like a message's turn, so a redelivered outcome tells the same
     * message again (same id) instead of a generic one from the reset conversation.
     */
    private void tellOutcome(IntegrationEvent outcome, Runnable count, String channel, String sender, UUID request,
                             BiFunction<Optional<Conversation>, Locale, String> telling) {
        for (int attempt = 1; attempt <= SAVE_ATTEMPTS; attempt++) {
            Optional<Conversation> stored = store.find(channel, sender);
            if (stored.isPresent() && stored.get().hasHandled(outcome.eventId())) {
                publishOutbox(stored.get());
                return;
            }
            Optional<Conversation> waiting = stored
                    .filter(conversation -> conversation.stage() == Stage.APPLYING
                            || conversation.stage() == Stage.ERASING)
                    .filter(conversation -> request.equals(conversation.pendingRequest()));
            Locale language = waiting.map(Conversation::language).orElse(properties.defaultLanguage());
            String text = telling.apply(waiting, language);
            if (stored.isEmpty()) {
                // The conversation expired (or was never kept): the outcome is still told, and nothing is saved, so
                // that no state is created for a person only to remember the telling. Its id comes from the
                // outcome's instead, so a redelivery tells it under the same id and the channel skips it.
                // A redelivery of such an outcome cannot be told from the first delivery: it counts again (rare).
                SendMessage told = new SendMessage(UUID.nameUUIDFromBytes(("told " + outcome.eventId())
                        .getBytes(StandardCharsets.UTF_8)), clock.instant(), channel, sender, text, List.of(),
                        language.toLanguageTag());
                bus.publish(told);
                count.run();
                metrics.replied(List.of(told));
                return;
            }
            // A conversation that moved on (a newer request, a cancellation) keeps its state; it is told anyway.
            Conversation told = waiting.map(conversation -> conversation.reset().at(clock.instant()))
                    .orElse(stored.get());
            Optional<Conversation> saved = store.save(
                    told.remembering(outcome.eventId(), List.of(reply(told, text))));
            if (saved.isPresent()) {
                count.run();
                metrics.replied(saved.get().outbox());
                publishOutbox(saved.get());
                return;
            }
        }
        throw new IllegalStateException("the conversation kept changing while an outcome was told");
    }

    private void publishOutbox(Conversation conversation) {
        conversation.outbox().forEach(bus::publish);
    }

    private SendMessage reply(Conversation conversation, String text) {
        return reply(conversation, text, List.of());
    }

    private SendMessage reply(Conversation conversation, String text, List<SendMessage.Button> buttons) {
        return new SendMessage(ids.next(), clock.instant(), conversation.channel(), conversation.sender(), text,
                buttons, conversation.language().toLanguageTag());
    }
}
