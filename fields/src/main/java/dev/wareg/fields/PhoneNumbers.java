package dev.wareg.fields;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * Phone numbers parsed by libphonenumber with Brazil as the default region, so "(11) 98765-4321",
 * "11987654321" and "+55 11 9 8765 4321" are the same number. The normalised form is E.164. Where only mobile
 * numbers make sense (a WhatsApp identity), landlines can be refused with reason {@code landline}.
 *
 * <p>A Brazilian mobile written without its ninth digit ("+55 31 8888-7777") is the same number with it: every
 * mobile got a leading 9 between 2012 and 2016 (Anatel resolution 553/2010), and WhatsApp still gives many accounts
 * registered before that as {@code 553188887777}. An eight-digit subscriber number starting with 6 to 9 is such a
 * mobile (fixed lines start with 2 to 5), so it is normalised to the nine-digit form.
 */
public final class PhoneNumbers implements FieldValidator {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "BR";
    private static final int BRAZIL = 55;

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
            var number = withNinthDigit(PHONES.parse(candidate, DEFAULT_REGION));
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

    private static Phonenumber.PhoneNumber withNinthDigit(Phonenumber.PhoneNumber number) {
        String national = PHONES.getNationalSignificantNumber(number);
        boolean oldMobile = number.getCountryCode() == BRAZIL && national.length() == 10
                && national.charAt(2) >= '6' && !PHONES.isValidNumber(number);
        if (!oldMobile) {
            return number;
        }
        var mobile = new Phonenumber.PhoneNumber().setCountryCode(BRAZIL)
                .setNationalNumber(Long.parseLong(national.substring(0, 2) + '9' + national.substring(2)));
        return PHONES.isValidNumber(mobile) ? mobile : number;
    }
}
