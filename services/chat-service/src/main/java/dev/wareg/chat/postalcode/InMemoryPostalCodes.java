package dev.wareg.chat.postalcode;

import dev.wareg.chat.conversation.PostalAddress;
import dev.wareg.chat.conversation.PostalCodeLookup;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A few real, well-known CEPs, for the embedded default and tests: the lookup works without leaving the machine.
 * Every other CEP is unknown.
 */
class InMemoryPostalCodes implements PostalCodeLookup {

    private static final Map<String, PostalAddress> ADDRESSES = Stream.of(
                    new PostalAddress("01001-000", "Praça da Sé", "Sé", "São Paulo", "SP"),
                    new PostalAddress("01310-100", "Avenida Paulista", "Bela Vista", "São Paulo", "SP"),
                    new PostalAddress("22041-001", "Avenida Atlântica", "Copacabana", "Rio de Janeiro", "RJ"),
                    // A town with a single CEP: no street, no district.
                    new PostalAddress("62823-000", null, null, "Jaguaruana", "CE"))
            .collect(Collectors.toUnmodifiableMap(PostalAddress::postalCode, Function.identity()));

    @Override
    public Optional<PostalAddress> find(String postalCode) {
        return Optional.ofNullable(postalCode).map(ADDRESSES::get);
    }
}
