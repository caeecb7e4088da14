package dev.wareg.chat.conversation;

/** Where a conversation stands. The form loop moves between these; no stage is specific to a field. */
public enum Stage {
    /** Nothing under way. */
    IDLE,
    /** A sender without an account was asked whether to register. */
    OFFERED_REGISTRATION,
    /** A known sender wants to update something and was asked what. */
    CHOOSING_FIELD,
    /** Asking for the fields in {@link Conversation#pending()}, first to last. */
    COLLECTING,
    /** The change was shown and the person was asked to confirm it. */
    CONFIRMING,
    /** Confirmed, but a new contact point must be proven first: waiting for the code sent to it. */
    PROVING,
    /** Confirmed and requested; waiting for the worker's outcome. */
    APPLYING,
    /** The person came back after a pause in the middle of a form and was asked whether to go on. */
    RESUMING,
    /** A known sender asked to erase their data, was told what goes and what stays, and was asked to confirm. */
    CONFIRMING_ERASURE,
    /** Erasure confirmed and requested; waiting for the worker's outcome. */
    ERASING
}
