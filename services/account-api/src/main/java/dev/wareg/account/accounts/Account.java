package dev.wareg.account.accounts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The account resource, as stored and as served.
 *
 * @param phone   E.164, the person's WhatsApp identity; never changes
 * @param address null when no part of it is known
 * @param version starts at 1 and grows by one with every change; the ETag is {@code "<version>"}
 */
record Account(
        UUID id,
        String phone,
        String name,
        String email,
        Address address,
        String cpf,
        LocalDate birthDate,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
