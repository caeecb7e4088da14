package dev.wareg.chat.interpretation;

import java.util.regex.Pattern;

/**
 * An answer saying that the part asked does not exist: "sem complemento", "não tem", "nenhum", "there isn't one",
 * "none". Unlike "manter" (keep what is there), it clears an optional part: a person moving to a house without a
 * complement must not keep the old flat's. The phrases are the lexicon's {@code none-answers}; the whole message
 * must be one of them, the courtesy around it aside.
 */
public final class NoneAnswers {

    private static final Pattern NONE = Pattern.compile("^" + Lexicon.STANDARD.phrases("none-answers") + "$");

    private NoneAnswers() {
    }

    public static boolean saysNone(String text) {
        String folded = Normaliser.fold(Courtesy.withoutCourtesy(text)).replaceAll("[\\s.!,;:]+$", "").strip();
        return NONE.matcher(String.join(" ", Normaliser.words(folded))).matches();
    }
}
