package dev.wareg.chat.interpretation;

/** What a person means by a message, as far as the conversation is concerned. */
public enum Intent {
    GREET,
    REGISTER,
    UPDATE,
    AFFIRM,
    DENY,
    CANCEL,
    HELP,
    THANKS,
    /** Nothing recognised: most likely the value that was asked for. */
    PROVIDE_VALUE
}
