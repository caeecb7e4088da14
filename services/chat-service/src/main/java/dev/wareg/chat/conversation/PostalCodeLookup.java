package dev.wareg.chat.conversation;

import java.util.Optional;

/**
 * Resolves a Brazilian postal code (CEP) to its street, district, city and state, so the person is asked only
 * for the number and complement.
 */
public interface PostalCodeLookup {

    /**
     * @param postalCode normalised, {@code 01310-100}
     * @return the address of the CEP; empty when it is unknown, and also when the lookup is unavailable (the
     *         conversation then simply asks for the address parts), so this never throws
     */
    Optional<PostalAddress> find(String postalCode);
}
