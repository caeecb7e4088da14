package dev.wareg.webchat;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;

/** The text that carries a one-time code, in pt-BR: its wording is in {@code code-message.properties}. */
final class CodeMessage {

    static final String LANGUAGE = "pt-BR";
    private static final Locale LOCALE = Locale.forLanguageTag(LANGUAGE);

    private CodeMessage() {
    }

    static String text(String code, Duration validity) {
        // Whole minutes, rounded down: the message must not promise more time than the code has.
        long minutes = Math.max(1, validity.toMinutes());
        var bundle = ResourceBundle.getBundle("dev.wareg.webchat.code-message", LOCALE);
        return new MessageFormat(bundle.getString("text"), LOCALE).format(new Object[] {code, minutes});
    }
}
