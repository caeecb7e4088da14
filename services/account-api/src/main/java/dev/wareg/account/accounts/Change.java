package dev.wareg.account.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of an account's audit trail: one field changed by one request. An erasure is an entry of its own
 * (kind {@code erased}, no field), and blanks the values of every earlier entry.
 *
 * @param kind          {@code created}, {@code updated}, {@code reverted} or {@code erased}
 * @param actor         the id of the client that made the change (the token's subject)
 * @param channel       where the person asked for it ({@code whatsapp}, {@code web-chat}), if the client said
 * @param correlationId the client's id for the request, e.g. the event id of the update request
 * @param field         the API property, dotted for address parts ({@code address.city})
 * @param reverts       for kind {@code reverted}: the change it undid
 */
record Change(
        UUID id,
        Instant changedAt,
        String kind,
        String actor,
        String channel,
        String correlationId,
        String field,
        String oldValue,
        String newValue,
        UUID reverts) {
}
