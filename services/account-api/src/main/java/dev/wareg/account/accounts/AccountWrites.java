package dev.wareg.account.accounts;

import dev.wareg.account.idempotency.IdempotentRequests;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every change to an account, each in one transaction with its audit entries, so the trail can never miss a
 * change nor record one that did not happen. Logs name account ids only, never the values.
 */
@Component
@Transactional
class AccountWrites {

    private static final Logger log = LoggerFactory.getLogger(AccountWrites.class);

    private final AccountRepository accounts;
    private final ChangeLog changes;
    private final AccountPatch patches;
    private final IdempotentRequests idempotency;
    private final ErasureAnnouncements announcements;
    private final SenderLinks senders;
    private final Clock clock;

    AccountWrites(AccountRepository accounts, ChangeLog changes, AccountPatch patches,
            IdempotentRequests idempotency, ErasureAnnouncements announcements, SenderLinks senders, Clock clock) {
        this.senders = senders;
        this.accounts = accounts;
        this.changes = changes;
        this.patches = patches;
        this.idempotency = idempotency;
        this.announcements = announcements;
        this.clock = clock;
    }

    Account create(Account account, Origin origin) {
        boolean inserted;
        try {
            inserted = accounts.insertUnlessPhoneTaken(account);
        } catch (DuplicateKeyException e) {
            throw AccountProblems.cpfTaken();
        }
        if (!inserted) {
            throw AccountProblems.phoneTaken();
        }
        changes.record(account.id(), account.createdAt(), "created", origin, Account.NONE.changeableValues(),
                account.changeableValues(), null);
        log.info("Account {} registered", account.id());
        return account;
    }

    /** Writes what differs between the two; {@code current.version()} must still be the stored one. */
    Account update(Account current, Account changed, Origin origin) {
        return update(current, changed, origin, "updated", null);
    }

    /**
     * Puts back the value a change replaced, if the field still holds the value that change wrote: otherwise a
     * later change would be silently undone.
     */
    Account revert(UUID accountId, UUID changeId, Origin origin) {
        Account current = existing(accountId);
        Change change = changes.find(accountId, changeId).orElseThrow(AccountProblems::changeNotFound);
        if (change.field() == null) {
            throw AccountProblems.notRevertible();
        }
        if (!Objects.equals(current.changeableValues().get(change.field()), change.newValue())) {
            throw AccountProblems.changedSince();
        }
        Account reverted;
        try {
            // The old value passes the same validators again: a name or e-mail cannot go back to none.
            reverted = patches.apply(current, singleValuePatch(change.field(), change.oldValue()));
        } catch (InvalidRequest e) {
            throw AccountProblems.notRevertible();
        }
        return update(current, reverted, origin, "reverted", change.id());
    }

    /**
     * Removes the person's data from the account, its audit values and the responses kept for retries, and
     * announces the erasure ({@code AccountErased}) so that every other holder of a copy forgets it too.
     *
     * @param conversation the conversation that asked for the erasure and is to be told, or null (an operator)
     */
    void erase(UUID accountId, Origin origin, Conversation conversation) {
        // Read before the row goes: its links go with it (on delete cascade).
        List<String> linked = senders.sendersOf(accountId);
        String phone = accounts.delete(accountId).orElseThrow(() -> missing(accountId));
        Instant now = now();
        changes.recordErasure(accountId, now, origin);
        idempotency.forget(accountId);
        announcements.announce(conversation == null
                ? new ErasureAnnouncements.Erasure(accountId, now, phone, null, null, null, linked)
                : new ErasureAnnouncements.Erasure(accountId, now, phone, conversation.requestId(),
                        conversation.channel(), conversation.conversationId(), linked));
        log.info("Account {} erased", accountId);
    }

    /**
     * A conversation that asked for an erasure: its {@code AccountErasureRequested} event (the request's correlation
     * id) and where to tell the person.
     */
    record Conversation(UUID requestId, String channel, String conversationId) {
    }

    /** The account, or a 410 problem if it was erased and a 404 if it never existed. */
    @Transactional(readOnly = true)
    Account existing(UUID accountId) {
        return accounts.findById(accountId).orElseThrow(() -> missing(accountId));
    }

    private ErrorResponseException missing(UUID accountId) {
        return changes.isErased(accountId) ? AccountProblems.accountErased() : AccountProblems.accountNotFound();
    }

    Instant now() {
        // PostgreSQL keeps microseconds; truncating first makes a response equal what a later read returns.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Account update(Account current, Account changed, Origin origin, String kind, UUID reverts) {
        Instant now = now();
        Account saved;
        try {
            saved = accounts.updateIfVersionMatches(current, changed, now).orElseThrow(AccountProblems::staleVersion);
        } catch (DuplicateKeyException e) {
            throw changed.phone().equals(current.phone()) ? AccountProblems.cpfTaken() : AccountProblems.phoneTaken();
        }
        if (saved.version() != current.version()) {
            changes.record(saved.id(), now, kind, origin, current.auditedValues(), saved.auditedValues(),
                    reverts);
            log.info("Account {} {} to version {}", saved.id(), kind, saved.version());
        }
        return saved;
    }

    /** {@code address.city} -> {@code {"address": {"city": value}}}. */
    private static ObjectNode singleValuePatch(String field, String value) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        ObjectNode node = patch;
        String[] path = field.split("\\.");
        for (int i = 0; i < path.length - 1; i++) {
            node = node.putObject(path[i]);
        }
        node.put(path[path.length - 1], value);
        return patch;
    }
}
