package dev.wareg.account.accounts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
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

    static final long FIRST_VERSION = 1;

    /** No account at all: what a registration starts from and what its audit compares with. */
    static final Account NONE = new Account(null, null, null, null, null, null, null, null, null, 0);

    /**
     * The values a person can change, as text by API property ({@code address.city}), absent ones as null: what
     * the audit trail records and what a revert compares.
     */
    /** What a change records: the values a client changes, and the phone, which moves with its owner. */
    Map<String, String> auditedValues() {
        var values = new LinkedHashMap<String, String>();
        values.put("phone", phone);
        values.putAll(changeableValues());
        return values;
    }

    Map<String, String> changeableValues() {
        var values = new LinkedHashMap<String, String>();
        values.put("name", name);
        values.put("email", email);
        (address == null ? Address.EMPTY : address).parts()
                .forEach((part, value) -> values.put("address." + part, value));
        values.put("cpf", cpf);
        values.put("birthDate", birthDate == null ? null : birthDate.toString());
        return values;
    }
}
