package dev.wareg.webchat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the personal values people type before their words are kept in a transcript, which anyone at the browser
 * may read later: e-mail addresses keep the first letter of the local part ({@code m***@exemplo.com.br}), and runs
 * of digits that look like a CPF, phone, CEP or date keep their last two digits and their punctuation
 * ({@code ***.***.***-09}, {@code (**) *****-**21}; a date 12/05/1990 keeps its 90). The bot still gets the message as
 * written; only the transcript's copy is masked. The bot's replies are not masked: they are the bot's words.
 *
 * <p>A run counts from {@value #MIN_DIGITS} digits, which every CPF, phone, CEP and numeric date has and "opção 2"
 * or "apto 31" has not.
 */
final class TranscriptMask {

    static final int MIN_DIGITS = 5;
    private static final int KEPT_DIGITS = 2;

    private static final Pattern EMAIL = Pattern.compile(
            "(?<first>[\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]*@(?<domain>[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+)");
    // Digits joined by the punctuation those values are written with; letters end a run.
    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\(?\\d(?:[\\d.\\-/() ]*\\d)?");

    private TranscriptMask() {
    }

    static String mask(String text) {
        return digitRuns(emails(text));
    }

    private static String emails(String text) {
        return EMAIL.matcher(text).replaceAll(match -> Matcher.quoteReplacement(
                match.group("first") + "***@" + match.group("domain")));
    }

    private static String digitRuns(String text) {
        return DIGIT_RUN.matcher(text).replaceAll(match -> Matcher.quoteReplacement(maskRun(match.group())));
    }

    private static String maskRun(String run) {
        long digits = run.chars().filter(Character::isDigit).count();
        if (digits < MIN_DIGITS) {
            return run;
        }
        var masked = new StringBuilder(run.length());
        long seen = 0;
        for (char c : run.toCharArray()) {
            if (Character.isDigit(c)) {
                seen++;
                masked.append(seen > digits - KEPT_DIGITS ? c : '*');
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }
}
