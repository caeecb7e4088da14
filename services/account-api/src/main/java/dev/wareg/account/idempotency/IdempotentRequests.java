package dev.wareg.account.idempotency;

import dev.wareg.platform.defaults.Problems;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a request safe to retry (the {@code Idempotency-Key} header, as in the IETF httpapi draft
 * "The Idempotency-Key HTTP Header Field"): the first request with a key does the work and its response is
 * stored in the same transaction; a retry with the same key and the same request gets that response again
 * without doing anything; the same key with a different request is refused with 422.
 * <p>
 * Two requests with the same key at the same moment cannot both do the work: the second one's insert of the key
 * waits on the first one's uncommitted row (PostgreSQL unique index), then finds it and replays it. A request
 * that fails leaves no key behind, so it can be retried. Keys belong to the client that sent them.
 */
@Component
public class IdempotentRequests {

    private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final IdempotencyProperties properties;
    private final Clock clock;

    IdempotentRequests(JdbcClient jdbc, PlatformTransactionManager transactionManager, JsonMapper json,
            IdempotencyProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a request answered: its status and body, and the account it concerns (forgotten on erasure). */
    public record Response<T>(int status, T body, UUID accountId, boolean replayed) {

        public Response(int status, T body, UUID accountId) {
            this(status, body, accountId, false);
        }
    }

    /**
     * Runs {@code work} once per key: or, with no key, simply runs it.
     *
     * @param request a description of the request (method, path, preconditions, body) that a retry repeats
     *                exactly; only its hash is kept
     */
    public <T> Response<T> execute(String clientId, String key, String request, Class<T> bodyType,
            Supplier<Response<T>> work) {
        if (key == null) {
            return work.get();
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "Invalid Idempotency-Key",
                    "An Idempotency-Key is 1 to 255 visible ASCII characters, for example a UUID.");
        }
        String hash = sha256(request);
        return transactions.execute(status -> {
            boolean first = jdbc.sql("""
                            insert into idempotent_request (client_id, idempotency_key, request_hash, created_at)
                            values (:client, :key, :hash, :now) on conflict do nothing""")
                    .param("client", clientId)
                    .param("key", key)
                    .param("hash", hash)
                    .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                    .update() == 1;
            if (!first) {
                return replay(clientId, key, hash, bodyType);
            }
            Response<T> response = work.get();
            jdbc.sql("""
                            update idempotent_request
                            set response_status = :status, response_body = :body, account_id = :account
                            where client_id = :client and idempotency_key = :key""")
                    .param("status", response.status())
                    .param("body", json.writeValueAsString(response.body()))
                    .param("account", response.accountId())
                    .param("client", clientId)
                    .param("key", key)
                    .update();
            return response;
        });
    }

    /** Erasure: stored responses hold the person's data too. */
    public void forget(UUID accountId) {
        jdbc.sql("delete from idempotent_request where account_id = :account").param("account", accountId).update();
    }

    @Scheduled(fixedDelayString = "${wareg.accounts.idempotency.purge-interval:PT1H}")
    void purgeExpired() {
        Instant cutoff = clock.instant().minus(properties.retention());
        int purged = jdbc.sql("delete from idempotent_request where created_at < :cutoff")
                .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .update();
        if (purged > 0) {
            log.info("Purged {} idempotency keys older than {}", purged, properties.retention());
        }
    }

    private <T> Response<T> replay(String clientId, String key, String hash, Class<T> bodyType) {
        var stored = jdbc.sql("""
                        select request_hash, response_status, response_body, account_id from idempotent_request
                        where client_id = :client and idempotency_key = :key""")
                .param("client", clientId)
                .param("key", key)
                .query((row, number) -> new Stored(row.getString("request_hash"), row.getInt("response_status"),
                        row.getString("response_body"), row.getObject("account_id", UUID.class)))
                .single();
        if (!stored.hash().equals(hash)) {
            throw problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was already used for a different request. Use a new key for a new request.");
        }
        return new Response<>(stored.status(), json.readValue(stored.body(), bodyType), stored.accountId(), true);
    }

    private record Stored(String hash, int status, String body, UUID accountId) {
    }

    private static ErrorResponseException problem(HttpStatus status, String slug, String title, String detail) {
        return new ErrorResponseException(status, Problems.of(status, slug, title, detail), null);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
