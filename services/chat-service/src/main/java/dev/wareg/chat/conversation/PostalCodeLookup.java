package dev.wareg.chat.conversation;

import java.util.Optional;

/**
 * Resolves a Brazilian postal code (CEP) to the parts of an address it stands for, so the chat can offer them
 * instead of asking each one.
 *
 * <p>A lookup never fails the conversation: when the service behind it cannot answer now (timeout, server
 * error, refused connection, an answer it cannot read), the adapter logs the kind of failure, never the CEP,
 * and returns empty, and the chat asks for the address parts as it would for an unknown CEP.
 */
public interface PostalCodeLookup {

    /**
     * @param postalCode a normalised CEP: eight digits with a hyphen after the fifth ({@code 01310-100});
     *                   anything else is not a CEP and finds nothing
     * @return the address, or empty when the CEP is unknown or the lookup is unavailable
     */
    Optional<PostalAddress> find(String postalCode);
}
