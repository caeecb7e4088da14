package dev.wareg.fields;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The registration schema: the fields a person can register and update, in the order they are asked.
 * The phone is the sender's identity on WhatsApp, so it is validated here ({@link #PHONE}) but never asked.
 */
public final class RegistrationFields {

    public static final Field NAME = new Field("name", "name", true, new PersonNames(), Masks::initials);
    public static final Field EMAIL = new Field("email", "email", true, new EmailAddresses(), Masks::emailLocalPart);
    public static final Field PHONE = new Field("phone", "phone", true, new PhoneNumbers(), Masks::lastDigits);

    public static final Field CPF = new Field("cpf", "cpf", false, new Cpfs(), Masks::cpf);
    /** Reads today from the system clock; services that inject a clock use {@link #birthDate(Clock)}. */
    public static final Field BIRTH_DATE = birthDate(Clock.systemDefaultZone());

    public static final Field POSTAL_CODE =
            new Field("postalCode", "address.postalCode", false, new PostalCodes(), Masks::postalCodePrefix);
    /** Shown as is: one of 27 units identifies nobody, and logs that say which one help support. */
    public static final Field STATE = new Field("state", "address.state", false, new States(), UnaryOperator.identity());
    public static final Field STREET = new Field("street", "address.street", false, new FreeText(200), Masks::hidden);
    /** What the account API takes as the house number: any line of text, as it always has, so no caller breaks. */
    public static final Field NUMBER = new Field("number", "address.number", false, new FreeText(20), Masks::hidden);
    /**
     * What a conversation takes as the house number: a number or "s/n", never a remark sent while it was asked.
     * Stricter than {@link #NUMBER}, which the account API keeps for its callers.
     */
    public static final Field ASKED_NUMBER =
            new Field("number", "address.number", false, new HouseNumbers(), Masks::hidden);
    public static final Field COMPLEMENT =
            new Field("complement", "address.complement", false, new FreeText(100), Masks::hidden);
    public static final Field DISTRICT = new Field("district", "address.district", false, new FreeText(100), Masks::hidden);
    public static final Field CITY = new Field("city", "address.city", false, new FreeText(100), Masks::initials);

    /** The fields a conversation collects, in the order it asks them: the CEP before the rest of the address. */
    public static final List<Field> ASKED = List.of(NAME, EMAIL, POSTAL_CODE, STREET, ASKED_NUMBER, COMPLEMENT, DISTRICT,
            CITY, STATE, CPF, BIRTH_DATE);

    private RegistrationFields() {
    }

    public static Optional<Field> byName(String name) {
        return ASKED.stream().filter(field -> field.name().equals(name)).findFirst();
    }

    /** The phone field, refusing landlines when {@code mobileOnly} (a number that must reach WhatsApp). */
    public static Field phone(boolean mobileOnly) {
        return new Field("phone", "phone", true, new PhoneNumbers(mobileOnly), Masks::lastDigits);
    }

    /** The birth date field, judging "future" and "implausible" against {@code clock}'s today in its zone. */
    public static Field birthDate(Clock clock) {
        return new Field("birthDate", "birthDate", false, new BirthDates(clock), Masks::birthYear);
    }
}
