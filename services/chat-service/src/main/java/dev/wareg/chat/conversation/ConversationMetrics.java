package dev.wareg.chat.conversation;

import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.contracts.MessageReceived;
import dev.wareg.contracts.RegistrationUpdateRequested;
import dev.wareg.contracts.SendMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The conversation funnel, as the chat sees it: messages in and replies out, conversations started and how they
 * end, each field's prompts, refusals and completions, the confirmations, and how long a turn takes. Every name is
 * here; docs/operations.md says what each means.
 *
 * <p>A turn is counted once it is stored, from the state before and after it and the turn's {@link Turn.Note
 * notes}: a turn played again because its save lost a race, or a message redelivered after it was handled, counts
 * nothing twice. Tags come from closed sets only: channel names, field names of the schema, validators' reason
 * codes, stages. Never a sender, a value or a text.
 */
@Component
class ConversationMetrics {

    static final String MESSAGES_RECEIVED = "wareg.chat.messages.received";
    static final String REPLIES_SENT = "wareg.chat.replies.sent";
    static final String CONVERSATIONS_STARTED = "wareg.chat.conversations.started";
    static final String FORMS_STARTED = "wareg.chat.forms.started";
    static final String CONVERSATIONS_COMPLETED = "wareg.chat.conversations.completed";
    static final String CONVERSATIONS_CANCELLED = "wareg.chat.conversations.cancelled";
    static final String CONVERSATIONS_EXPIRED = "wareg.chat.conversations.expired";
    static final String FIELD_PROMPTS = "wareg.chat.fields.prompts";
    static final String FIELD_VALIDATION_FAILURES = "wareg.chat.fields.validation_failures";
    static final String FIELD_COMPLETIONS = "wareg.chat.fields.completions";
    static final String CONFIRMATIONS = "wareg.chat.confirmations";
    static final String CORRECTIONS = "wareg.chat.corrections";
    static final String UPDATES_REQUESTED = "wareg.chat.updates.requested";
    static final String TURN_DURATION = "wareg.chat.turn.duration";
    static final String REPLY_LATENCY = "wareg.chat.reply.latency";

    // A channel names itself in its events; anything not shaped like a service's name is counted as "other", so a
    // faulty publisher cannot put an arbitrary string (or grow the set of series) through this tag.
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Set<Stage> BEFORE_A_FORM = Set.of(Stage.IDLE, Stage.OFFERED_REGISTRATION,
            Stage.CHOOSING_FIELD);

    private static final List<String> FORMS = List.of("registration", "update", "review");
    private static final List<String> ANSWERS = List.of("confirmed", "corrected", "discarded");
    // Keeping one's data at the erasure question ends no form, so it is no cancellation.
    private static final Set<Stage> CANCELLABLE = EnumSet.complementOf(EnumSet.of(Stage.IDLE, Stage.APPLYING,
            Stage.CONFIRMING_ERASURE, Stage.ERASING));
    private static final Set<Stage> HALF_WAY = EnumSet.of(Stage.COLLECTING, Stage.CONFIRMING);

    private final MeterRegistry registry;
    private final Set<String> channelsSeen = ConcurrentHashMap.newKeySet();

    ConversationMetrics(MeterRegistry registry, FormSchema schema) {
        this.registry = registry;
        for (String field : schema.all()) {
            zero(FIELD_PROMPTS, "Questions put for a field", "field", field);
            zero(FIELD_COMPLETIONS, "Fields answered with a valid value (or kept, in a review)", "field", field);
            zero(CORRECTIONS, "Values the person changed at the confirmation", "field", field);
        }
    }

    /**
     * Registers a channel's conversation counters at zero the first time it is seen: a series that appears with
     * its first increment hides that increment from {@code rate()} and {@code increase()}, and the dashboards
     * find every series from the start. The tag values are closed sets, so this is a few dozen series.
     */
    private void firstSeen(String channel) {
        if (!channelsSeen.add(channel)) {
            return;
        }
        zero(CONVERSATIONS_STARTED, "Conversations the chat began: no state was kept for the sender",
                "channel", channel);
        zero(CONVERSATIONS_COMPLETED, "Requested changes applied and told to the person", "channel", channel);
        CANCELLABLE.forEach(stage -> zero(CONVERSATIONS_CANCELLED,
                "Conversations the person dropped, by the stage they were at", "channel", channel,
                "stage", stage(stage)));
        HALF_WAY.forEach(stage -> zero(CONVERSATIONS_EXPIRED,
                "Forms left half-way that the person came back to after the pause", "channel", channel,
                "stage", stage(stage)));
        FORMS.forEach(form -> zero(FORMS_STARTED,
                "Forms started: a registration, an update of some fields, or a review of all", "channel", channel,
                "form", form));
        ANSWERS.forEach(answer -> zero(CONFIRMATIONS, "Answers to the confirmation", "channel", channel,
                "answer", answer));
        FORMS.subList(0, 2).forEach(form -> zero(UPDATES_REQUESTED,
                "Changes confirmed and requested from the update-worker", "channel", channel, "form", form));
    }

    /**
     * A message's turn, stored.
     *
     * @param started the chat held no conversation for the sender (their first message, or the first after the
     *                state expired)
     */
    void turn(MessageReceived message, boolean started, Conversation before, Conversation after,
              List<Turn.Note> notes) {
        String channel = channel(message.channel());
        firstSeen(channel);
        // Media kinds are a fixed set (MessageReceived.MEDIA), so they are safe as a tag.
        String type = message.media() != null ? message.media() : message.location() != null ? "location"
                : message.text().isBlank() ? "empty" : "text";
        count(MESSAGES_RECEIVED, "Messages the chat handled, by channel and type", "channel", channel, "type", type);
        if (started) {
            count(CONVERSATIONS_STARTED, "Conversations the chat began: no state was kept for the sender",
                    "channel", channel);
        }
        if (BEFORE_A_FORM.contains(before.stage())
                && (after.stage() == Stage.COLLECTING || after.stage() == Stage.CONFIRMING)) {
            count(FORMS_STARTED, "Forms started: a registration, an update of some fields, or a review of all",
                    "channel", channel, "form", after.isRegistration() ? "registration"
                            : after.reviewing() ? "review" : "update");
        }
        if (after.stage() == Stage.COLLECTING && after.asking() != null
                && (before.stage() != Stage.COLLECTING || !after.asking().equals(before.asking()))) {
            count(FIELD_PROMPTS, "Questions put for a field", "field", after.asking());
        }
        if (after.stage() == Stage.COLLECTING || after.stage() == Stage.CONFIRMING) {
            after.answered().stream().filter(field -> !before.answered().contains(field)).forEach(field ->
                    count(FIELD_COMPLETIONS, "Fields answered with a valid value (or kept, in a review)",
                            "field", field));
        }
        if (after.stage() == Stage.RESUMING && before.stage() != Stage.RESUMING) {
            count(CONVERSATIONS_EXPIRED, "Forms left half-way that the person came back to after the pause",
                    "channel", channel, "stage", stage(before.stage()));
        }
        if (before.stage() == Stage.CONFIRMING) {
            confirmation(channel, before, after);
        }
        for (Turn.Note note : notes) {
            switch (note) {
                case Turn.Refused(String field, String reason) -> count(FIELD_VALIDATION_FAILURES,
                        "Answers a field's validator refused, by its reason code", "field", field, "reason", reason);
                case Turn.Cancelled(Stage stage) -> count(CONVERSATIONS_CANCELLED,
                        "Conversations the person dropped, by the stage they were at", "channel", channel,
                        "stage", stage(stage));
            }
        }
        for (IntegrationEvent event : after.outbox()) {
            if (event instanceof RegistrationUpdateRequested request) {
                count(UPDATES_REQUESTED, "Changes confirmed and requested from the update-worker",
                        "channel", channel, "form", request.accountId() == null ? "registration" : "update");
            }
        }
    }

    /** The person's answer to old -> new: confirmed, corrected a value, or discarded the change. */
    private void confirmation(String channel, Conversation before, Conversation after) {
        String answer;
        if (after.stage() == Stage.APPLYING) {
            answer = "confirmed";
        } else if (after.stage() == Stage.IDLE) {
            answer = "discarded";
        } else if (after.stage() == Stage.COLLECTING || !after.collected().equals(before.collected())) {
            answer = "corrected";
            before.answered().stream()
                    .filter(field -> !Objects.equals(before.collected().get(field), after.collected().get(field)))
                    .forEach(field -> count(CORRECTIONS, "Values the person changed at the confirmation",
                            "field", field));
        } else {
            return;
        }
        count(CONFIRMATIONS, "Answers to the confirmation", "channel", channel, "answer", answer);
    }

    /** The worker applied a request, and the person was told. */
    void completed(String channel) {
        firstSeen(channel(channel));
        count(CONVERSATIONS_COMPLETED, "Requested changes applied and told to the person", "channel",
                channel(channel));
    }

    /** Replies published, after they were. */
    void replied(List<IntegrationEvent> published) {
        published.stream().filter(SendMessage.class::isInstance).map(SendMessage.class::cast).forEach(reply ->
                count(REPLIES_SENT, "Replies the chat published to a channel", "channel", channel(reply.channel())));
    }

    /** The start of a message's handling, on the registry's monotonic clock. */
    Timer.Sample startTurn() {
        return Timer.start(registry);
    }

    /**
     * How long a message took: handling it here (since {@code handling} started), and from when the channel
     * received it to its replies being published ({@code sinceReceived}, from the message's time and the injected
     * clock, so it includes the time the message waited on the bus; clocks of different machines may disagree a
     * little).
     */
    void answered(MessageReceived message, Timer.Sample handling, Duration sinceReceived) {
        String channel = channel(message.channel());
        handling.stop(timer(TURN_DURATION, "From a message's handling start to its replies published", channel));
        timer(REPLY_LATENCY, "From the channel receiving a message to the chat publishing its replies", channel)
                .record(sinceReceived.isNegative() ? Duration.ZERO : sinceReceived);
    }

    private Timer timer(String name, String description, String channel) {
        return Timer.builder(name).description(description).tag("channel", channel)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofMinutes(1))
                .register(registry);
    }

    private void zero(String name, String description, String... tags) {
        Counter.builder(name).description(description).tags(tags).register(registry);
    }

    private void count(String name, String description, String... tags) {
        Counter.builder(name).description(description).tags(tags).register(registry).increment();
    }

    static String channel(String channel) {
        return CHANNEL_NAME.matcher(channel).matches() ? channel : "other";
    }

    private static String stage(Stage stage) {
        return stage.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
