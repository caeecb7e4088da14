package dev.wareg.chat.conversation;

import dev.wareg.chat.ChatProperties;
import dev.wareg.chat.interpretation.Intent;
import dev.wareg.chat.interpretation.Interpretation;
import dev.wareg.chat.interpretation.Interpreter;
import dev.wareg.contracts.MessageReceived;
import dev.wareg.contracts.RegistrationUpdateApplied;
import dev.wareg.contracts.RegistrationUpdateRejected;
import dev.wareg.contracts.SendMessage;
import dev.wareg.platform.defaults.IdGenerator;
import dev.wareg.platform.messaging.EventBus;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The chat's side of the bus: each message and each update outcome loads the sender's conversation, moves it
 * on, saves it, and sends the replies. The bus hands this subscriber one event at a time, so a conversation is
 * never moved by two events at once.
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

    Conversations(ConversationStore store, Interpreter interpreter, FormLoop formLoop, Phrasebook phrasebook,
                  EventBus bus, IdGenerator ids, Clock clock, ChatProperties properties, FormSchema schema) {
        this.schema = schema;
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
    }

    void onMessage(MessageReceived message) {
        for (int attempt = 1; attempt <= SAVE_ATTEMPTS; attempt++) {
            Conversation conversation = store.find(message.channel(), message.sender())
                    .orElseGet(() -> Conversation.start(message.channel(), message.sender(),
                            properties.defaultLanguage(), clock.instant()));
            String text = message.text().strip();
            if (text.isEmpty()) {
                send(conversation, phrasebook.say(conversation.language(), "message.empty"));
                return;
            }
            if (text.length() > properties.maxMessageLength()) {
                send(conversation, phrasebook.say(conversation.language(), "message.too.long",
                        properties.maxMessageLength()));
                return;
            }
            Interpretation meaning = interpreter.interpret(text,
                    conversation.stage() == Stage.COLLECTING ? conversation.asking() : null);
            // An answer to a question is no evidence of a language ("Ana da Silva" in an English conversation).
            boolean answering = conversation.stage() == Stage.COLLECTING && meaning.intent() == Intent.PROVIDE_VALUE;
            Conversation understood = answering ? conversation
                    : meaning.language().map(conversation::withLanguage).orElse(conversation);
            boolean returning = !conversation.updatedAt().plus(properties.resumeAfter()).isAfter(clock.instant());
            Turn turn = formLoop.handle(understood, text, meaning, returning);
            // Replies and events leave only once the state they follow from is stored: a turn that lost the race
            // against another message of the same sender is played again on the newer state.
            if (store.save(turn.next().at(clock.instant())).isPresent()) {
                turn.replies().forEach(reply -> send(turn.next(), reply.text(), reply.buttons()));
                turn.events().forEach(bus::publish);
                return;
            }
        }
        throw new IllegalStateException("the conversation kept changing while a message was handled");
    }

    void onApplied(RegistrationUpdateApplied outcome) {
        Optional<Conversation> waiting = waitingFor(outcome.channel(), outcome.conversationId(), outcome.requestId());
        Locale language = waiting.map(Conversation::language).orElse(properties.defaultLanguage());
        String text;
        if (waiting.isPresent() && waiting.get().isRegistration()) {
            text = phrasebook.say(language, "applied.registration");
        } else if (waiting.isPresent()) {
            String labels = waiting.get().collected().keySet().stream()
                    .map(schema::topicOf).distinct()
                    .map(topic -> phrasebook.inline(language, "topic." + topic.name() + ".label"))
                    .collect(Collectors.joining(", "));
            text = phrasebook.say(language, "applied.update", labels);
        } else {
            text = phrasebook.say(language, "applied.generic");
        }
        finish(outcome.channel(), outcome.conversationId(), waiting, language, text);
    }

    void onRejected(RegistrationUpdateRejected outcome) {
        Optional<Conversation> waiting = waitingFor(outcome.channel(), outcome.conversationId(), outcome.requestId());
        Locale language = waiting.map(Conversation::language).orElse(properties.defaultLanguage());
        String text = phrasebook.say(language, "rejected." + outcome.reasonCode().name());
        finish(outcome.channel(), outcome.conversationId(), waiting, language, text);
    }

    private Optional<Conversation> waitingFor(String channel, String sender, UUID request) {
        return store.find(channel, sender)
                .filter(conversation -> conversation.stage() == Stage.APPLYING)
                .filter(conversation -> request.equals(conversation.pendingRequest()));
    }

    /** Tells the outcome and forgets the collected values. */
    private void finish(String channel, String sender, Optional<Conversation> waiting, Locale language, String text) {
        Conversation done = waiting.map(Conversation::reset)
                .orElseGet(() -> Conversation.start(channel, sender, language, clock.instant()));
        // A message handled meanwhile may have saved a newer state; the outcome is told either way.
        waiting.ifPresent(conversation -> store.save(done.at(clock.instant())));
        send(done, text);
    }

    private void send(Conversation conversation, String text) {
        send(conversation, text, List.of());
    }

    private void send(Conversation conversation, String text, List<SendMessage.Button> buttons) {
        bus.publish(new SendMessage(ids.next(), clock.instant(), conversation.channel(), conversation.sender(), text,
                buttons));
    }
}
