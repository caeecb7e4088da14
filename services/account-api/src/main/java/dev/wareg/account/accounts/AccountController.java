package dev.wareg.account.accounts;

import dev.wareg.account.idempotency.IdempotentRequests;
import dev.wareg.fields.RegistrationFields;
import dev.wareg.platform.defaults.IdGenerator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The account resource. Every response carrying an account also carries its version as ETag, and every change
 * must name the version it was based on (If-Match), so concurrent writers (the chat, the update worker, people)
 * never silently overwrite each other. Registrations and changes may carry an Idempotency-Key, which makes them
 * safe to retry. Every change is audited with the client that made it, the channel and the correlation id.
 */
@RestController
@RequestMapping(path = "/v1/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Accounts", description = "Registration data of the people who chat with us")
@SecurityRequirement(name = "bearer")
class AccountController {

    private static final Logger log = LoggerFactory.getLogger(AccountController.class);
    static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    private static final Pattern CHANNEL = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern CORRELATION_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private final AccountRepository accounts;
    private final AccountWrites writes;
    private final AccountPatch patches;
    private final ChangeLog changes;
    private final IdempotentRequests idempotency;
    private final IdGenerator ids;
    private final SenderLinks senders;

    AccountController(AccountRepository accounts, AccountWrites writes, AccountPatch patches, ChangeLog changes,
            IdempotentRequests idempotency, IdGenerator ids, SenderLinks senders) {
        this.senders = senders;
        this.accounts = accounts;
        this.writes = writes;
        this.patches = patches;
        this.changes = changes;
        this.idempotency = idempotency;
        this.ids = ids;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register an account", description = "Phone, name and e-mail are required; address, CPF"
            + " and birth date are optional. Values are validated and normalised (the phone to E.164). A phone or"
            + " CPF can belong to one account only (409). Scope accounts:write.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            schema = @Schema(implementation = NewAccount.class)))
    ResponseEntity<Account> create(@RequestBody JsonNode body,
            @Parameter(description = "Makes a retry safe: the same key and body replay the first response")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "X-Channel", required = false) String channel,
            @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId,
            @AuthenticationPrincipal Jwt client) {
        Origin origin = origin(client, channel, correlationId);
        var response = idempotency.execute(origin.actor(), idempotencyKey, "POST /v1/accounts\n" + body,
                Account.class, () -> {
                    Account account = writes.create(patches.create(body, ids.next(), writes.now()), origin);
                    return new IdempotentRequests.Response<>(HttpStatus.CREATED.value(), account, account.id());
                });
        return ResponseEntity.status(response.status())
                .location(URI.create("/v1/accounts/" + response.body().id()))
                .headers(replayed(response))
                .eTag(EntityTags.of(response.body().version()))
                .body(response.body());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an account", description = "404 if there is none, 410 if it was erased."
            + " Scope accounts:read.")
    ResponseEntity<Account> get(@PathVariable String id) {
        return found(existing(id));
    }

    /** Lookups by phone, CPF or linked sender only: there is deliberately no way to list every account. */
    @GetMapping
    @Operation(summary = "Find the account of a phone number, a CPF or a linked sender",
            description = "Give exactly one of phone, cpf and sender, in any common form; each is normalised first."
                    + " sender is channel:senderId, an id a channel names a person by without a phone (see"
                    + " PUT /v1/accounts/{id}/senders/{sender}). Scope accounts:read.")
    ResponseEntity<Account> find(@RequestParam(required = false) String phone,
            @RequestParam(required = false) String cpf,
            @Parameter(description = "channel:senderId, e.g. cloud-api:BR.1234567890abcdef")
            @RequestParam(required = false) String sender) {
        var violations = new Violations();
        long given = Stream.of(phone, cpf, sender).filter(Objects::nonNull).count();
        if (given != 1) {
            violations.add(phone == null ? "phone" : "cpf", "required", "Search by exactly one of phone, cpf and"
                    + " sender: GET /v1/accounts?phone=<number>, ?cpf=<cpf> or ?sender=<channel>:<senderId>."
                    + " Accounts cannot be listed.");
            violations.throwIfAny();
        }
        Optional<Account> account;
        if (phone != null) {
            String e164 = AccountValues.required(RegistrationFields.PHONE, phone, violations);
            violations.throwIfAny();
            account = accounts.findByPhone(e164);
        } else if (cpf != null) {
            String digits = AccountValues.required(RegistrationFields.CPF, cpf, violations);
            violations.throwIfAny();
            account = accounts.findByCpf(digits);
        } else {
            SenderId id = SenderId.parse("sender", sender);
            account = senders.accountOf(id.channel(), id.senderId()).flatMap(accounts::findById);
        }
        return found(account.orElseThrow(AccountProblems::accountNotFound));
    }

    @PutMapping("/{id}/senders/{sender}")
    @Operation(summary = "Link a sender id to an account",
            description = "sender is channel:senderId, an id a channel names the person by when it gives no phone"
                    + " (Meta's business-scoped user id, a WhatsApp Web LID). The caller must have proven that the"
                    + " sender holds the account's phone (the chat sends a one-time code to it). A sender already"
                    + " linked to another account moves to this one. Idempotent; 204 either way. The link is"
                    + " erased with the account. Scope accounts:link.")
    ResponseEntity<Void> link(@PathVariable String id,
            @Parameter(description = "channel:senderId, e.g. cloud-api:BR.1234567890abcdef")
            @PathVariable String sender,
            @AuthenticationPrincipal Jwt client) {
        SenderId linked = SenderId.parse("sender", sender);
        UUID accountId = parseId(id).orElseThrow(AccountProblems::accountNotFound);
        if (!senders.link(accountId, linked.channel(), linked.senderId(), writes.now())) {
            writes.existing(accountId); // 410 for an erased account, 404 for one that never was
            throw AccountProblems.accountNotFound();
        }
        // Not in the account's audit trail, which holds changed values; the sender id stays out of the log.
        log.info("Sender on {} linked to account {} by {}", linked.channel(), accountId, client.getSubject());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/senders/{sender}")
    @Operation(summary = "Unlink a sender id from an account",
            description = "sender is channel:senderId, as linked with PUT. Afterwards the sender no longer finds the"
                    + " account (GET /v1/accounts?sender=). Idempotent: 204 whether the link was there or not; a"
                    + " sender linked to another account keeps that link. 404 or 410 for an account that is not"
                    + " there. Scope accounts:link.")
    ResponseEntity<Void> unlink(@PathVariable String id,
            @Parameter(description = "channel:senderId, e.g. cloud-api:BR.1234567890abcdef")
            @PathVariable String sender,
            @AuthenticationPrincipal Jwt client) {
        SenderId linked = SenderId.parse("sender", sender);
        UUID accountId = parseId(id).orElseThrow(AccountProblems::accountNotFound);
        if (senders.unlink(accountId, linked.channel(), linked.senderId())) {
            log.info("Sender on {} unlinked from account {} by {}", linked.channel(), accountId, client.getSubject());
        } else {
            writes.existing(accountId); // 410 for an erased account, 404 for one that never was; else already gone
        }
        return ResponseEntity.noContent().build();
    }

    /** {@code channel:senderId}: a channel as X-Channel names it, then the id that channel gives the sender. */
    record SenderId(String channel, String senderId) {

        static SenderId parse(String parameter, String value) {
            int colon = value.indexOf(':');
            String channel = colon < 0 ? "" : value.substring(0, colon);
            String senderId = colon < 0 ? "" : value.substring(colon + 1);
            if (!CHANNEL.matcher(channel).matches() || !CORRELATION_ID.matcher(senderId).matches()) {
                var violations = new Violations();
                violations.add(parameter, "format", "A sender is channel:senderId: the channel in 1 to 32 lower-case"
                        + " letters, digits and hyphens, then 1 to 128 visible ASCII characters.");
                violations.throwIfAny();
            }
            return new SenderId(channel, senderId);
        }
    }

    @PatchMapping(path = "/{id}", consumes = {MERGE_PATCH_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Change an account (JSON Merge Patch, RFC 7396)",
            description = "Members present replace, null removes (not allowed for name and e-mail), absent ones"
                    + " stay. Requires If-Match with the ETag last read: 428 without it, 412 when stale."
                    + " Scope accounts:write.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            schema = @Schema(implementation = AccountChanges.class)))
    ResponseEntity<Account> patch(@PathVariable String id,
            @Parameter(description = "The ETag of the account as last read, e.g. \"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Parameter(description = "Makes a retry safe: the same key and body replay the first response")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "X-Channel", required = false) String channel,
            @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId,
            @AuthenticationPrincipal Jwt client,
            @RequestBody JsonNode patch) {
        if (ifMatch == null || ifMatch.isBlank() || EntityTags.isWildcard(ifMatch)) {
            throw AccountProblems.preconditionRequired();
        }
        Origin origin = origin(client, channel, correlationId);
        String request = "PATCH /v1/accounts/" + id + "\nIf-Match: " + ifMatch.strip() + "\n" + patch;
        var response = idempotency.execute(origin.actor(), idempotencyKey, request, Account.class, () -> {
            Account current = existing(id);
            var expectedVersion = EntityTags.version(ifMatch);
            if (expectedVersion.isEmpty() || expectedVersion.getAsLong() != current.version()) {
                throw AccountProblems.staleVersion();
            }
            Account saved = writes.update(current, patches.apply(current, patch), origin);
            return new IdempotentRequests.Response<>(HttpStatus.OK.value(), saved, saved.id());
        });
        return ResponseEntity.ok().headers(replayed(response))
                .eTag(EntityTags.of(response.body().version()))
                .body(response.body());
    }

    @GetMapping("/{id}/changes")
    @Operation(summary = "The audit trail of an account, newest first",
            description = "Each entry is one field changed by one request: when, by which client, on which channel,"
                    + " with which correlation id, the old and the new value. After an erasure the entries stay"
                    + " without their values. Scope accounts:read.")
    ChangePage changes(@PathVariable String id,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        UUID accountId = parseId(id).orElseThrow(AccountProblems::accountNotFound);
        long total = changes.count(accountId);
        if (total == 0) {
            throw AccountProblems.accountNotFound();
        }
        return new ChangePage(changes.page(accountId, page, size), page, size, total);
    }

    @PostMapping("/{id}/changes/{changeId}/revert")
    @Operation(summary = "Undo one change",
            description = "Puts back the value the change replaced, as a new, audited change. 409 if the field has"
                    + " changed again since, or if the value cannot go back (a required one to none)."
                    + " Scope accounts:write.")
    ResponseEntity<Account> revert(@PathVariable String id, @PathVariable String changeId,
            @RequestHeader(name = "X-Channel", required = false) String channel,
            @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId,
            @AuthenticationPrincipal Jwt client) {
        UUID accountId = existing(id).id();
        UUID change = parseId(changeId).orElseThrow(AccountProblems::changeNotFound);
        return found(writes.revert(accountId, change, origin(client, channel, correlationId)));
    }

    @GetMapping("/{id}/export")
    @Operation(summary = "Everything held about the person (LGPD access and portability)",
            description = "The account and its whole audit trail, as JSON. Scope accounts:read.")
    AccountExport export(@PathVariable String id) {
        Account account = existing(id);
        return new AccountExport(account, changes.page(account.id(), 0, Integer.MAX_VALUE), writes.now());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Erase an account (LGPD)",
            description = "Removes every value held about the person, from the account, its audit trail and stored"
                    + " responses; the trail keeps that changes happened and by whom. Later reads answer 410."
                    + " Every other holder of a copy is told by an AccountErased event (docs/privacy.md)."
                    + " Scope accounts:erase.")
    ResponseEntity<Void> erase(@PathVariable String id,
            @RequestHeader(name = "X-Channel", required = false) String channel,
            @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId,
            @Parameter(description = "When a conversation asked for the erasure: the sender's id on X-Channel, to"
                    + " be told the outcome. Then X-Channel is required and X-Correlation-Id must be the id of the"
                    + " AccountErasureRequested event, which the AccountErased event answers.")
            @RequestHeader(name = "X-Conversation-Id", required = false) String conversationId,
            @AuthenticationPrincipal Jwt client) {
        UUID accountId = parseId(id).orElseThrow(AccountProblems::accountNotFound);
        Origin origin = origin(client, channel, correlationId);
        writes.erase(accountId, origin, conversation(origin, conversationId));
        return ResponseEntity.noContent().build();
    }

    /** A page of the audit trail. */
    record ChangePage(List<Change> items, int page, int size, long totalItems) {
    }

    /** Everything held about one person. */
    record AccountExport(Account account, List<Change> changes, Instant exportedAt) {
    }

    private Account existing(String id) {
        return writes.existing(parseId(id).orElseThrow(AccountProblems::accountNotFound));
    }

    private static Origin origin(Jwt client, String channel, String correlationId) {
        var violations = new Violations();
        if (channel != null && !CHANNEL.matcher(channel).matches()) {
            violations.add("X-Channel", "format", "A channel is 1 to 32 lower-case letters, digits and hyphens.");
        }
        if (correlationId != null && !CORRELATION_ID.matcher(correlationId).matches()) {
            violations.add("X-Correlation-Id", "format", "A correlation id is 1 to 128 visible ASCII characters.");
        }
        violations.throwIfAny();
        return new Origin(client.getSubject(), channel, correlationId);
    }

    private static AccountWrites.Conversation conversation(Origin origin, String conversationId) {
        if (conversationId == null) {
            return null;
        }
        var violations = new Violations();
        if (!CORRELATION_ID.matcher(conversationId).matches()) {
            violations.add("X-Conversation-Id", "format", "A conversation id is 1 to 128 visible ASCII characters.");
        }
        if (origin.channel() == null) {
            violations.add("X-Channel", "required", "X-Conversation-Id names a sender on a channel: give X-Channel.");
        }
        Optional<UUID> requestId = origin.correlationId() == null ? Optional.empty() : parseId(origin.correlationId());
        if (requestId.isEmpty()) {
            violations.add("X-Correlation-Id", "format", "With X-Conversation-Id, X-Correlation-Id is the id (a UUID)"
                    + " of the AccountErasureRequested event the erasure answers.");
        }
        violations.throwIfAny();
        return new AccountWrites.Conversation(requestId.orElseThrow(), origin.channel(), conversationId);
    }

    private static HttpHeaders replayed(IdempotentRequests.Response<?> response) {
        var headers = new HttpHeaders();
        if (response.replayed()) {
            headers.add("Idempotent-Replayed", "true");
        }
        return headers;
    }

    private static ResponseEntity<Account> found(Account account) {
        return ResponseEntity.ok().eTag(EntityTags.of(account.version())).body(account);
    }

    /** An id that is not a UUID names no account: 404, like any other unknown id. */
    private static Optional<UUID> parseId(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
