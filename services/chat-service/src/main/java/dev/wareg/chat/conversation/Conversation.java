package dev.wareg.chat.conversation;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The state of one person's conversation, kept between messages for a limited time. It holds only what the
 * form needs: the values being changed, their current values (to show old -> new), nothing else of the account.
 *
 * @param accountId      the sender's account, or null while registering
 * @param accountVersion the version the shown current values were read at, expected when applying
 * @param pending        names of the fields still to ask, the first being asked now
 * @param current        current values of the fields being changed, by field name
 * @param collected      new values, by field name, in the order they were given
 * @param suggestion     a corrected value offered for the field being asked ("você quis dizer ...?")
 * @param pendingRequest the update request awaiting its outcome, while {@link Stage#APPLYING}
 */
public record Conversation(
        String channel,
        String sender,
        Locale language,
        Stage stage,
        UUID accountId,
        Long accountVersion,
        List<String> pending,
        Map<String, String> current,
        Map<String, String> collected,
        String suggestion,
        UUID pendingRequest,
        Instant updatedAt) {

    public Conversation {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(stage, "stage");
        pending = List.copyOf(pending);
        current = Collections.unmodifiableMap(new LinkedHashMap<>(current));
        collected = Collections.unmodifiableMap(new LinkedHashMap<>(collected));
    }

    static Conversation start(String channel, String sender, Locale language, Instant now) {
        return new Conversation(channel, sender, language, Stage.IDLE, null, null, List.of(), Map.of(), Map.of(),
                null, null, now);
    }

    boolean isRegistration() {
        return accountId == null;
    }

    /** Back to idle, forgetting every collected value: nothing of the form outlives it. */
    Conversation reset() {
        return new Conversation(channel, sender, language, Stage.IDLE, null, null, List.of(), Map.of(), Map.of(),
                null, null, updatedAt);
    }

    Conversation withLanguage(Locale newLanguage) {
        return new Conversation(channel, sender, newLanguage, stage, accountId, accountVersion, pending, current,
                collected, suggestion, pendingRequest, updatedAt);
    }

    Conversation at(Instant now) {
        return new Conversation(channel, sender, language, stage, accountId, accountVersion, pending, current,
                collected, suggestion, pendingRequest, now);
    }

    Conversation offeringRegistration() {
        return new Conversation(channel, sender, language, Stage.OFFERED_REGISTRATION, null, null, List.of(),
                Map.of(), Map.of(), null, null, updatedAt);
    }

    Conversation choosingField(AccountSnapshot account) {
        return new Conversation(channel, sender, language, Stage.CHOOSING_FIELD, account.id(), account.version(),
                List.of(), Map.of(), Map.of(), null, null, updatedAt);
    }

    Conversation collecting(List<String> fields, Map<String, String> currentValues) {
        return new Conversation(channel, sender, language, Stage.COLLECTING, accountId, accountVersion, fields,
                currentValues, Map.of(), null, null, updatedAt);
    }

    Conversation withSuggestion(String newSuggestion) {
        return new Conversation(channel, sender, language, stage, accountId, accountVersion, pending, current,
                collected, newSuggestion, pendingRequest, updatedAt);
    }

    /** Records the value of the field being asked and moves on to the next, or to confirmation after the last. */
    Conversation withValue(String value) {
        var values = new LinkedHashMap<>(collected);
        values.put(pending.getFirst(), value);
        List<String> rest = pending.subList(1, pending.size());
        return new Conversation(channel, sender, language, rest.isEmpty() ? Stage.CONFIRMING : Stage.COLLECTING,
                accountId, accountVersion, rest, current, values, null, null, updatedAt);
    }

    Conversation applying(UUID request) {
        return new Conversation(channel, sender, language, Stage.APPLYING, accountId, accountVersion, List.of(),
                current, collected, null, request, updatedAt);
    }
}
