package dev.wareg.chat.conversation;

import dev.wareg.contracts.IntegrationEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * What one message does: the conversation's next state, the replies, the events it publishes (the update it
 * confirms, a hand-off to a person), and notes of what happened that the next state cannot tell (why a value was
 * refused, that the person cancelled), which the chat counts once the turn is stored.
 */
record Turn(Conversation next, List<Reply> replies, List<IntegrationEvent> events, List<Note> notes) {

    Turn {
        replies = List.copyOf(replies);
        events = List.copyOf(events);
        notes = List.copyOf(notes);
    }

    Turn(Conversation next, List<Reply> replies, List<IntegrationEvent> events) {
        this(next, replies, events, List.of());
    }

    static Turn of(Conversation next, Reply... replies) {
        return new Turn(next, List.of(replies), List.of());
    }

    static Turn of(Conversation next, List<Reply> replies) {
        return new Turn(next, replies, List.of());
    }

    /** The same turn saying these replies instead: composing turns keeps their events and notes. */
    Turn withReplies(List<Reply> newReplies) {
        return new Turn(next, newReplies, events, notes);
    }

    Turn noting(Note note) {
        var more = new ArrayList<>(notes);
        more.add(note);
        return new Turn(next, replies, events, more);
    }

    /** Something a turn did that its next state does not show. Only names from closed sets, never a value. */
    sealed interface Note {
    }

    /** The field's validator refused the answer, with its reason code ({@code format}, {@code typo}...). */
    record Refused(String field, String reason) implements Note {
    }

    /** The person dropped what was under way at this stage (cancel, or "no" to the offer, the confirmation...). */
    record Cancelled(Stage stage) implements Note {
    }
}
