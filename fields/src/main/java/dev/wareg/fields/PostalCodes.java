package dev.wareg.fields;

import java.util.regex.Pattern;

/**
 * Brazilian postal codes (CEP): eight digits, written "01310-100", bare, with the old thousands dot
 * ("01.310-100") or with spaces anywhere. The normalised form is the hyphenated one the Correios print.
 * "00000-000" belongs to no address; it is what people type to skip the question.
 */
final class PostalCodes implements FieldValidator {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern CEP = Pattern.compile("(\\d{2})\\.?(\\d{3})-?(\\d{3})");

    @Override
    public Validation validate(String raw) {
        String candidate = WHITE_SPACE.matcher(raw).replaceAll("");
        if (candidate.isEmpty()) {
            return Validation.invalid("empty");
        }
        var cep = CEP.matcher(candidate);
        if (!cep.matches()) {
            return Validation.invalid("format");
        }
        String digits = cep.group(1) + cep.group(2) + cep.group(3);
        if (digits.equals("00000000")) {
            return Validation.invalid("format");
        }
        return Validation.valid(digits.substring(0, 5) + "-" + digits.substring(5));
    }
}
