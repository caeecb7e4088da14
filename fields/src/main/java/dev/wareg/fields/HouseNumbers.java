package dev.wareg.fields;

import java.util.regex.Pattern;

/**
 * The number of a house or building as Brazilian addresses write it: digits, with what often goes with them
 * ("12B", "1578-A", "km 12", "lote 5"), or "s/n" for a house without one ("sem número", "sn", "S/Nº" become
 * "s/n"). A text without a digit is refused: it is no number, most often a question or a remark sent while the
 * number was asked ("vcs tem loja no rio?"), which stored as the number would corrupt the address.
 */
final class HouseNumbers implements FieldValidator {

    private static final Pattern WITHOUT_NUMBER = Pattern.compile(
            "s\\s*/\\s*n[º°o]?\\.?|sn|sem\\s+n[uú]mero|sem\\s+n[º°o]|no\\s+number|none",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final int MAX_LENGTH = 20;

    private final FreeText text = new FreeText(MAX_LENGTH);

    @Override
    public Validation validate(String raw) {
        Validation line = text.validate(raw);
        if (!(line instanceof Validation.Valid(String number))) {
            return line;
        }
        if (WITHOUT_NUMBER.matcher(number).matches()) {
            return Validation.valid("s/n");
        }
        return number.codePoints().anyMatch(Character::isDigit) ? line : Validation.invalid("no-digit");
    }
}
