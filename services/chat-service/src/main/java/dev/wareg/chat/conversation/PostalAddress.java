package dev.wareg.chat.conversation;

import java.util.Objects;

/**
 * What a CEP says about an address. A CEP of a whole city (small towns have a single one) has no street and no
 * district: those are null, never blank.
 *
 * @param postalCode the normalised CEP ({@code 01310-100})
 * @param street     the street, avenue or square, or null
 * @param district   the district (bairro), or null
 * @param city       the municipality
 * @param state      the state's two-letter code (UF), such as {@code SP}
 */
public record PostalAddress(String postalCode, String street, String district, String city, String state) {

    public PostalAddress {
        Objects.requireNonNull(postalCode, "postalCode");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(state, "state");
        street = blankToNull(street);
        district = blankToNull(district);
    }

    private static String blankToNull(String part) {
        return part == null || part.isBlank() ? null : part;
    }
}
