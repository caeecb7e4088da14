package dev.wareg.fields;

import java.util.List;
import java.util.Optional;

/**
 * The registration schema: the fields a person can register and update, in the order they are asked.
 * The phone is the sender's identity on WhatsApp, so it is validated here ({@link #PHONE}) but never asked.
 */
public final class RegistrationFields {

    public static final Field NAME = new Field("name", "name", true, new PersonNames(), Masks::initials);
    public static final Field EMAIL = new Field("email", "email", true, new EmailAddresses(), Masks::emailLocalPart);
    public static final Field PHONE = new Field("phone", "phone", true, new PhoneNumbers(), Masks::lastDigits);

    /** The fields a conversation collects, in order. */
    public static final List<Field> ASKED = List.of(NAME, EMAIL);

    private RegistrationFields() {
    }

    public static Optional<Field> byName(String name) {
        return ASKED.stream().filter(field -> field.name().equals(name)).findFirst();
    }
}
