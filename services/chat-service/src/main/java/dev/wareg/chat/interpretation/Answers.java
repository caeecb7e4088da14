package dev.wareg.chat.interpretation;

/**
 * Readings that depend on the question the bot asked, for the conversation to ask where it knows it: a thanks with a
 * weak yes in it ("perfeito, obrigada", "blz, obg") answers a yes-or-no question with a yes, though, said out of the
 * blue, it only thanks.
 */
public final class Answers {

    private Answers() {
    }

    /**
     * What a correction says is right, without its opening words: "errei, é 1578" -> "1578", "oops typo, it's John
     * Alves" -> "John Alves"; empty when nothing follows them.
     */
    public static String corrected(String text) {
        return Corrections.correctedAnswer(text, true, true);
    }

    /** Whether the message, asked a yes or no, says yes beside its thanks. */
    public static boolean yesBesideThanks(String text) {
        return IntentRules.yesBesideThanks(Words.of(Normaliser.words(Normaliser.fold(text))), true);
    }
}
