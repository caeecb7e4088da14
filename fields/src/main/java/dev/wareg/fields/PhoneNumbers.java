package dev.wareg.fields;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

/**
 * Phone numbers parsed by libphonenumber with Brazil as the default region, so "(11) 98765-4321",
 * "11987654321" and "+55 11 9 8765 4321" are the same number. The normalised form is E.164. Where only mobile
 * numbers make sense (a WhatsApp identity), landlines can be refused with reason {@code landline}.
 */
public final class PhoneNumbers implements FieldValidator {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "BR";

    private final boolean mobileOnly;

    /** Any valid number, landlines included. */
    public PhoneNumbers() {
        this(false);
    }

    public PhoneNumbers(boolean mobileOnly) {
        this.mobileOnly = mobileOnly;
    }

    @Override
    public Validation validate(String raw) {
        String candidate = raw.strip();
        if (candidate.isEmpty()) {
            return Validation.invalid("empty");
        }
        if (candidate.length() > 40) {
            return Validation.invalid("format");
        }
        try {
            var number = PHONES.parse(candidate, DEFAULT_REGION);
            if (!PHONES.isValidNumber(number)) {
                return Validation.invalid("invalid");
            }
            if (mobileOnly && PHONES.getNumberType(number) == PhoneNumberUtil.PhoneNumberType.FIXED_LINE) {
                return Validation.invalid("landline");
            }
            return Validation.valid(PHONES.format(number, PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Validation.invalid("format");
        }
    }
}
