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
    /** "ver meus dados": show what the account holds. */
    SHOW_DATA,
    /** "falar com atendente": hand the conversation to a person. */
    HUMAN,
    /** "voltar": re-open the previous answer. */
    BACK,
    /** "manter", "pular": keep the current value of the field being asked (or leave an optional one empty). */
    KEEP,
    /** "na verdade o e-mail é...", "errei o número": re-open a field already answered. */
    CORRECT,
    /** Nothing recognised: most likely the value that was asked for. */
    PROVIDE_VALUE
}
