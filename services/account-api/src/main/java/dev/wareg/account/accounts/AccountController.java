package dev.wareg.account.accounts;

import dev.wareg.fields.RegistrationFields;
import dev.wareg.platform.defaults.IdGenerator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The account resource. Every response carrying an account also carries its version as ETag, and every change
 * must name the version it was based on (If-Match), so concurrent writers (the chat, the update worker, people)
 * never silently overwrite each other. Logs name account ids only, never the values.
 */
@RestController
@RequestMapping(path = "/v1/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Accounts", description = "Registration data of the people who chat with us")
class AccountController {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private static final Logger log = LoggerFactory.getLogger(AccountController.class);

    private final AccountRepository accounts;
    private final Clock clock;
    private final IdGenerator ids;

    AccountController(AccountRepository accounts, Clock clock, IdGenerator ids) {
        this.accounts = accounts;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * The Idempotency-Key header is accepted but not acted on yet: clients may already send it so that retried
     * registrations become safe without changing them once the server honours it (issue #4).
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register an account",
            description = "Phone, name and e-mail are required and normalised (the phone to E.164). A phone can"
                    + " have only one account.")
    ResponseEntity<Account> create(@RequestBody NewAccount request,
            @Parameter(description = "Accepted for safe retries; not yet honoured")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Account account = request.toAccount(ids.next(), now());
        if (!accounts.insertUnlessPhoneTaken(account)) {
            throw AccountProblems.phoneTaken();
        }
        log.info("Account {} registered", account.id());
        return ResponseEntity.created(URI.create("/v1/accounts/" + account.id()))
                .eTag(EntityTags.of(account.version()))
                .body(account);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an account")
    ResponseEntity<Account> get(@PathVariable String id) {
        return found(parseId(id).flatMap(accounts::findById).orElseThrow(AccountProblems::accountNotFound));
    }

    /** Only lookups by phone: there is deliberately no way to list every account. */
    @GetMapping
    @Operation(summary = "Find the account of a phone number",
            description = "The phone may be written in any common form; it is normalised to E.164 first.")
    ResponseEntity<Account> findByPhone(@RequestParam(required = false) String phone) {
        var violations = new Violations();
        if (phone == null) {
            violations.add("phone", "required",
                    "Search by phone number: GET /v1/accounts?phone=<number>. Accounts cannot be listed.");
            violations.throwIfAny();
        }
        String e164 = AccountValues.registrationField(RegistrationFields.PHONE, phone, violations);
        violations.throwIfAny();
        return found(accounts.findByPhone(e164).orElseThrow(AccountProblems::accountNotFound));
    }

    @PatchMapping(path = "/{id}", consumes = {MERGE_PATCH_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Change an account (JSON Merge Patch, RFC 7396)",
            description = "Members present replace, null removes (not allowed for name and e-mail), absent ones"
                    + " stay. Requires If-Match with the ETag last read.")
    ResponseEntity<Account> patch(@PathVariable String id,
            @Parameter(description = "The ETag of the account as last read, e.g. \"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody JsonNode patch) {
        if (ifMatch == null || ifMatch.isBlank() || EntityTags.isWildcard(ifMatch)) {
            throw AccountProblems.preconditionRequired();
        }
        Account current = parseId(id).flatMap(accounts::findById).orElseThrow(AccountProblems::accountNotFound);
        var expectedVersion = EntityTags.version(ifMatch);
        if (expectedVersion.isEmpty() || expectedVersion.getAsLong() != current.version()) {
            throw AccountProblems.staleVersion();
        }
        Account changed = AccountPatch.apply(current, patch);
        Account saved;
        try {
            saved = accounts.updateIfVersionMatches(current, changed, now())
                    .orElseThrow(AccountProblems::staleVersion);
        } catch (DuplicateKeyException e) {
            throw AccountProblems.cpfTaken();
        }
        if (saved.version() != current.version()) {
            log.info("Account {} changed to version {}", saved.id(), saved.version());
        }
        return found(saved);
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

    /** PostgreSQL keeps microseconds; truncating first makes a response equal what a later read returns. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
