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
    SHOW_MY_DATA,
    /** "falar com atendente": hand the conversation to a person. */
    HUMAN,
    /** "voltar": re-open the previous answer. */
    BACK,
    /** "manter", "pular": keep the current value of the field being asked (or leave an optional one empty). */
    KEEP,
    /** "na verdade o e-mail é...", "errei o número": re-open a field already answered. */
    CORRECT,
    /** "apagar meus dados": the person wants their data erased (LGPD). */
    DELETE_MY_DATA,
    /** "tchau", "bye". */
    GOODBYE,
    /** A value for a field: the one asked, or one spotted in the text. */
    PROVIDE_VALUE,
    /** Nothing the bot deals with ("qual a previsão do tempo?"). */
    OUT_OF_SCOPE
}
