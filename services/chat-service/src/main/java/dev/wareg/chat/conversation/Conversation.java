package dev.wareg.chat.conversation;

import dev.wareg.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.ArrayList;
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
 * @param reviewing      walking every field, where keeping the current value is an answer ("manter")
 * @param pending        names of the fields still to ask, the first being asked now
 * @param answered       names of the fields answered, in order, so "voltar" can re-open the last one
 * @param current        current values of the fields being changed, by field name
 * @param collected      new values, by field name, in the order they were given
 * @param suggestion     a corrected value offered for the field being asked ("você quis dizer ...?")
 * @param failures       invalid answers in a row to the field being asked
 * @param pendingRequest the request awaiting its outcome, while {@link Stage#APPLYING} or {@link Stage#ERASING}
 * @param pausedAt       the stage a returning person was asked to resume, while {@link Stage#RESUMING}
 * @param proof          the code sent to prove a new contact point is the person's, while {@link Stage#PROVING}
 * @param revision       how many times the conversation was saved: the store refuses a save based on an older one
 * @param handled        the id of the last event handled for this person (a message or an update outcome), or null
 * @param outbox         what handling it published (replies and events, with their ids), stored with the state it
 *                       led to, so a redelivery of that event publishes exactly the same again instead of handling
 *                       it against the state it already moved on
 * @param linkedPhone    for a sender known only by an id that is no phone (a business-scoped user id, a LID): the
 *                       phone (E.164) they proved with a code ({@link SenderLinking}), under which accounts are found;
 *                       null for a sender named by their phone, and while none is proven. Added as the last
 *                       component, so a conversation stored before it existed reads with none
 */
public record Conversation(
        String channel,
        String sender,
        Locale language,
        Stage stage,
        UUID accountId,
        Long accountVersion,
        boolean reviewing,
        List<String> pending,
        List<String> answered,
        Map<String, String> current,
        Map<String, String> collected,
        String suggestion,
        int failures,
        UUID pendingRequest,
        Stage pausedAt,
        ContactProof proof,
        long revision,
        Instant updatedAt,
        UUID handled,
        List<IntegrationEvent> outbox,
        String linkedPhone) {

    public Conversation {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(updatedAt, "updatedAt");
        pending = List.copyOf(pending);
        answered = List.copyOf(answered);
        current = Collections.unmodifiableMap(new LinkedHashMap<>(current));
        collected = Collections.unmodifiableMap(new LinkedHashMap<>(collected));
        // Null as well as empty: a conversation stored before the outbox existed has none.
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    /** A conversation of a sender named by their phone, or not linked yet. */
    public Conversation(String channel, String sender, Locale language, Stage stage, UUID accountId,
                        Long accountVersion, boolean reviewing, List<String> pending, List<String> answered,
                        Map<String, String> current, Map<String, String> collected, String suggestion, int failures,
                        UUID pendingRequest, Stage pausedAt, ContactProof proof, long revision, Instant updatedAt,
                        UUID handled, List<IntegrationEvent> outbox) {
        this(channel, sender, language, stage, accountId, accountVersion, reviewing, pending, answered, current,
                collected, suggestion, failures, pendingRequest, pausedAt, proof, revision, updatedAt, handled, outbox,
                null);
    }

    /** A new conversation, never saved. */
    public static Conversation start(String channel, String sender, Locale language, Instant now) {
        return new Conversation(channel, sender, language, Stage.IDLE, null, null, false, List.of(), List.of(),
                Map.of(), Map.of(), null, 0, null, null, null, 0, now, null, List.of());
    }

    /** As the store keeps it after saving: one revision on. */
    public Conversation saved() {
        return new Builder(this).revision(revision + 1).build();
    }

    /** At the time of its last message. */
    public Conversation at(Instant now) {
        return new Builder(this).updatedAt(now).build();
    }

    /** Having handled this event, which published the outbox: what a redelivery of it publishes again. */
    Conversation remembering(UUID event, List<IntegrationEvent> published) {
        return new Builder(this).handled(event).outbox(published).build();
    }

    boolean hasHandled(UUID event) {
        return event.equals(handled);
    }

    /**
     * The phone accounts are found by: the sender's own, or the one a sender without a phone proved. Only asked of a
     * conversation {@link Conversations} let through, which has one.
     */
    String phone() {
        return linkedPhone != null ? linkedPhone : Senders.phone(sender).orElseThrow();
    }

    /** Handled as the owner of this phone from now on; a form under way for another number is dropped. */
    Conversation linkedTo(String phone) {
        Conversation base = phone.equals(linkedPhone) ? this : reset();
        return new Builder(base).linkedPhone(phone).build();
    }

    /** No longer handled as the owner of any phone: the link is gone (the account erased), so is any form. */
    Conversation unlinked() {
        return new Builder(reset()).linkedPhone(null).build();
    }

    boolean isRegistration() {
        return accountId == null;
    }

    String asking() {
        return pending.isEmpty() ? null : pending.getFirst();
    }

    /** Back to idle, forgetting every collected value: nothing of the form outlives it. */
    Conversation reset() {
        return new Conversation(channel, sender, language, Stage.IDLE, null, null, false, List.of(), List.of(),
                Map.of(), Map.of(), null, 0, null, null, null, revision, updatedAt, handled, outbox, linkedPhone);
    }

    Conversation withLanguage(Locale newLanguage) {
        return new Builder(this).language(newLanguage).build();
    }

    Conversation in(Stage newStage) {
        return new Builder(this).stage(newStage).build();
    }

    Conversation offeringRegistration() {
        return new Builder(reset()).stage(Stage.OFFERED_REGISTRATION).build();
    }

    Conversation choosingField(AccountSnapshot account) {
        return new Builder(reset()).stage(Stage.CHOOSING_FIELD).account(account).build();
    }

    /** Starts asking these fields; {@code currentValues} are what they hold now (empty when registering). */
    Conversation collecting(List<String> fields, Map<String, String> currentValues, boolean review) {
        return new Builder(this).stage(Stage.COLLECTING).reviewing(review).pending(fields).answered(List.of())
                .current(currentValues).collected(Map.of()).suggestion(null).failures(0).build();
    }

    Conversation withSuggestion(String newSuggestion) {
        return new Builder(this).suggestion(newSuggestion).build();
    }

    Conversation failedOnce() {
        return new Builder(this).failures(failures + 1).build();
    }

    /**
     * Records a value for a field (the one being asked, or another one the person gave at the same time) and
     * moves on to the next field still to ask, or to confirmation after the last. A null value keeps the current
     * one (reviewing: "manter").
     */
    Conversation withValue(String field, String value) {
        var values = new LinkedHashMap<>(collected);
        if (value == null) {
            values.remove(field);
        } else {
            values.put(field, value);
        }
        var rest = new ArrayList<>(pending);
        rest.remove(field);
        var done = new ArrayList<>(answered);
        done.remove(field);
        done.add(field);
        Stage next = rest.isEmpty() ? Stage.CONFIRMING : Stage.COLLECTING;
        return new Builder(this).stage(next).pending(rest).answered(done).collected(values).suggestion(null)
                .failures(0).build();
    }

    /** Records a value another answer implied (a CEP's street): not an answer of its own, so "voltar" skips it. */
    Conversation withImpliedValue(String field, String value) {
        var answeredBefore = answered;
        Conversation next = withValue(field, value);
        return new Builder(next).answered(answeredBefore).build();
    }

    /** Re-opens a field that was answered (or adds one to ask), asking it now. */
    Conversation reopening(String field, String currentValue) {
        var rest = new ArrayList<>(pending);
        rest.remove(field);
        rest.addFirst(field);
        var values = new LinkedHashMap<>(collected);
        values.remove(field);
        var now = new LinkedHashMap<>(current);
        if (!isRegistration()) {
            now.putIfAbsent(field, currentValue);
        }
        var done = new ArrayList<>(answered);
        done.remove(field);
        return new Builder(this).stage(Stage.COLLECTING).pending(rest).answered(done).collected(values)
                .current(now).suggestion(null).failures(0).build();
    }

    /**
     * Adds fields to ask after those still pending (the rest of an address whose CEP was given out of turn), with
     * what they hold now; fields already in the form stay where they are.
     */
    Conversation adding(List<String> fields, Map<String, String> currentValues) {
        var rest = new ArrayList<>(pending);
        var now = new LinkedHashMap<>(current);
        for (String field : fields) {
            if (!rest.contains(field) && !collected.containsKey(field) && !answered.contains(field)) {
                rest.add(field);
                if (!isRegistration()) {
                    now.putIfAbsent(field, currentValues.get(field));
                }
            }
        }
        return new Builder(this).pending(rest).current(now).build();
    }

    Conversation applying(UUID request) {
        return new Builder(this).stage(Stage.APPLYING).pending(List.of()).suggestion(null).pendingRequest(request)
                .build();
    }

    /** Asked to confirm the erasure of this account; nothing of a form under way is kept. */
    Conversation confirmingErasure(AccountSnapshot account) {
        return new Builder(reset()).stage(Stage.CONFIRMING_ERASURE).account(account).build();
    }

    Conversation erasing(UUID request) {
        return new Builder(this).stage(Stage.ERASING).pendingRequest(request).build();
    }

    /** Waiting for the code sent to prove a contact point, the confirmed change kept as it was. */
    Conversation proving(ContactProof newProof) {
        return new Builder(this).stage(Stage.PROVING).proof(newProof).build();
    }

    /** The contact point was proven (or the code is dropped): back to the confirmed change. */
    Conversation withoutProof() {
        return new Builder(this).stage(Stage.CONFIRMING).proof(null).build();
    }

    Conversation pausedIn(Stage stage) {
        return new Builder(this).stage(Stage.RESUMING).pausedAt(stage).build();
    }

    Conversation resumed() {
        return new Builder(this).stage(pausedAt).pausedAt(null).build();
    }

    /** Copies a conversation with some components changed; keeps the record's many withers readable. */
    private static final class Builder {

        private final Conversation from;
        private Locale language;
        private Stage stage;
        private UUID accountId;
        private Long accountVersion;
        private boolean reviewing;
        private List<String> pending;
        private List<String> answered;
        private Map<String, String> current;
        private Map<String, String> collected;
        private String suggestion;
        private int failures;
        private UUID pendingRequest;
        private Stage pausedAt;
        private ContactProof proof;
        private long revision;
        private Instant updatedAt;
        private UUID handled;
        private List<IntegrationEvent> outbox;
        private String linkedPhone;

        Builder(Conversation from) {
            this.from = from;
            language = from.language;
            stage = from.stage;
            accountId = from.accountId;
            accountVersion = from.accountVersion;
            reviewing = from.reviewing;
            pending = from.pending;
            answered = from.answered;
            current = from.current;
            collected = from.collected;
            suggestion = from.suggestion;
            failures = from.failures;
            pendingRequest = from.pendingRequest;
            pausedAt = from.pausedAt;
            proof = from.proof;
            revision = from.revision;
            updatedAt = from.updatedAt;
            handled = from.handled;
            outbox = from.outbox;
            linkedPhone = from.linkedPhone;
        }

        Builder language(Locale value) { language = value; return this; }
        Builder stage(Stage value) { stage = value; return this; }
        Builder account(AccountSnapshot account) {
            accountId = account.id();
            accountVersion = account.version();
            return this;
        }
        Builder reviewing(boolean value) { reviewing = value; return this; }
        Builder pending(List<String> value) { pending = value; return this; }
        Builder answered(List<String> value) { answered = value; return this; }
        Builder current(Map<String, String> value) { current = value; return this; }
        Builder collected(Map<String, String> value) { collected = value; return this; }
        Builder suggestion(String value) { suggestion = value; return this; }
        Builder failures(int value) { failures = value; return this; }
        Builder pendingRequest(UUID value) { pendingRequest = value; return this; }
        Builder pausedAt(Stage value) { pausedAt = value; return this; }
        Builder proof(ContactProof value) { proof = value; return this; }
        Builder revision(long value) { revision = value; return this; }
        Builder updatedAt(Instant value) { updatedAt = value; return this; }
        Builder handled(UUID value) { handled = value; return this; }
        Builder outbox(List<IntegrationEvent> value) { outbox = value; return this; }
        Builder linkedPhone(String value) { linkedPhone = value; return this; }

        Conversation build() {
            return new Conversation(from.channel, from.sender, language, stage, accountId, accountVersion, reviewing,
                    pending, answered, current, collected, suggestion, failures, pendingRequest, pausedAt, proof,
                    revision, updatedAt, handled, outbox, linkedPhone);
        }
    }
}
