package dev.wareg.fields;

import java.util.regex.Pattern;

/**
 * Brazilian individual taxpayer numbers (CPF): nine digits and two mod-11 check digits, typed formatted
 * ("123.456.789-09"), bare ("12345678909") or with spaces anywhere. The normalised form is the eleven digits.
 * Numbers made of one repeated digit pass the check-digit test but are never issued; they are what people type
 * to get past a form, so they get their own reason.
 */
final class Cpfs implements FieldValidator {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern CPF = Pattern.compile("(\\d{3})\\.?(\\d{3})\\.?(\\d{3})-?(\\d{2})");

    @Override
    public Validation validate(String raw) {
        String candidate = WHITE_SPACE.matcher(raw).replaceAll("");
        if (candidate.isEmpty()) {
            return Validation.invalid("empty");
        }
        var cpf = CPF.matcher(candidate);
        if (!cpf.matches()) {
            return Validation.invalid("format");
        }
        String digits = cpf.group(1) + cpf.group(2) + cpf.group(3) + cpf.group(4);
        if (digits.chars().allMatch(digit -> digit == digits.charAt(0))) {
            return Validation.invalid("repeated-digits");
        }
        if (checkDigit(digits, 9) != digits.charAt(9) - '0' || checkDigit(digits, 10) != digits.charAt(10) - '0') {
            return Validation.invalid("check-digits");
        }
        return Validation.valid(digits);
    }

    /** The digit that follows the first {@code count}: their sum weighted from {@code count + 1} down to 2, mod 11. */
    private static int checkDigit(String digits, int count) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += (digits.charAt(i) - '0') * (count + 1 - i);
        }
        int remainder = sum % 11;
        return remainder < 2 ? 0 : 11 - remainder;
    }
}
