package dev.wareg.chat.interpretation;

/** Understands one message. Implementations never throw: what they cannot place is {@link Intent#PROVIDE_VALUE}. */
public interface Interpreter {

    Interpretation interpret(String text);
}
