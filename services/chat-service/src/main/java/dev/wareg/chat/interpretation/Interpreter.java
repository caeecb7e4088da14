package dev.wareg.chat.interpretation;

/**
 * Understands one message. Implementations never throw: what they cannot place is {@link Intent#OUT_OF_SCOPE}
 * with a low confidence (or, while a field is asked, {@link Intent#PROVIDE_VALUE}).
 */
public interface Interpreter {

    /**
     * @param askedField the field the conversation is asking for, or null: free text is then most likely its value
     */
    Interpretation interpret(String text, String askedField);

    default Interpretation interpret(String text) {
        return interpret(text, null);
    }
}
