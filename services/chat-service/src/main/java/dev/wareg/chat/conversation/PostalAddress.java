package dev.wareg.chat.conversation;

/**
 * What a CEP resolves to. Street and district are null for CEPs that cover a whole city.
 *
 * @param state the UF, two letters
 */
public record PostalAddress(String postalCode, String street, String district, String city, String state) {
}
