package dev.wareg.fields;

import java.util.regex.Pattern;

/**
 * One line of free text, such as a part of an address. Runs of white space of any kind, line breaks included,
 * become one space, and the ends are trimmed. Length is counted in code points, as PostgreSQL counts
 * {@code varchar(n)}. Control and format characters and lone surrogates are refused: they are invisible or
 * reorder what is shown (U+202E), so the stored text would not read as it looks, and lone surrogates cannot be
 * encoded in UTF-8 at all.
 */
final class FreeText implements FieldValidator {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private final int maxLength;

    FreeText(int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive: " + maxLength);
        }
        this.maxLength = maxLength;
    }

    @Override
    public Validation validate(String raw) {
        String text = WHITE_SPACE.matcher(raw).replaceAll(" ").strip();
        if (text.isEmpty()) {
            return Validation.invalid("empty");
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            return Validation.invalid("too-long");
        }
        if (text.codePoints().anyMatch(FreeText::isHidden)) {
            return Validation.invalid("format");
        }
        return Validation.valid(text);
    }

    private static boolean isHidden(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE;
    }
}
