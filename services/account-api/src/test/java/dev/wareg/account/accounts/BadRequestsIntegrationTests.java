package dev.wareg.account.accounts;

import static dev.wareg.account.accounts.ApiClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.account.AccountApiApplication;
import com.nimbusds.jose.jwk.ECKey;
import dev.wareg.platform.defaults.ServiceAuthProperties;
import dev.wareg.platform.defaults.ServiceKeys;
import dev.wareg.platform.defaults.ServiceTokens;
import dev.wareg.testsupport.TestPostgres;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every kind of bad request gets the right 4xx problem and leaves the database exactly as it was: malformed and
 * mistyped bodies, invalid values, injection strings, unknown members, oversized bodies, missing or wrong
 * preconditions, and missing, forged, expired or under-scoped tokens.
 */
@SpringBootTest(classes = AccountApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=account-api"})
class BadRequestsIntegrationTests {

    private static final TestPostgres.Schema schema = TestPostgres.freshSchema();
    private static final String TAKEN_PHONE = "+5531987650000";
    private static final String JSON = "application/json";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ApiClient.trustTheTestClients(registry);
        schema.registerAsDataSource(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ApiClient api;
    private String accountId;

    /** How a case authenticates. */
    enum Token {
        VALID, NONE, GARBAGE, WRONG_KEY, OTHER_CLIENTS_KEY, UNKNOWN_CLIENT, EXPIRED, OTHER_AUDIENCE, READ_ONLY,
        WRITE_ONLY, CLAIMING_MORE
    }

    record Case(String name, String method, String path, String contentType, String ifMatch, Token token,
                String body, int status, String type, String... headers) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> badRequests() {
        String newAccount = "{\"phone\": \"+5531987651111\", \"name\": \"Ana Lima\", \"email\": \"ana@example.com\"";
        return Stream.of(
                // Registration: body shape
                post("malformed JSON", "{\"phone\": ", 400, "malformed-body"),
                post("a JSON array", "[]", 400, "malformed-body"),
                post("a JSON string", "\"maria\"", 400, "malformed-body"),
                post("an empty body", "", 400, "malformed-body"),
                new Case("text/plain", "POST", "/v1/accounts", "text/plain", null, Token.VALID,
                        "phone=11987654321", 415, "unsupported-media-type"),
                new Case("XML", "POST", "/v1/accounts", "application/xml", null, Token.VALID,
                        "<account/>", 415, "unsupported-media-type"),
                post("nothing required given", "{}", 400, "validation"),
                post("an unknown member", newAccount + ", \"nickname\": \"Aninha\"}", 400, "validation"),
                post("a server-owned member", newAccount + ", \"id\": \"0190f0a0-0000-7000-8000-000000000000\"}",
                        400, "validation"),
                post("a version given", newAccount + ", \"version\": 7}", 400, "validation"),
                // Registration: types
                post("a name that is a number", newAccount.replace("\"Ana Lima\"", "42") + "}", 400, "validation"),
                post("an e-mail that is an object", newAccount.replace("\"ana@example.com\"", "{}") + "}", 400,
                        "validation"),
                post("an address that is a string", newAccount + ", \"address\": \"Rua Um, 10\"}", 400, "validation"),
                post("an address part that is a number", newAccount + ", \"address\": {\"number\": 10}}", 400,
                        "validation"),
                post("an unknown address part", newAccount + ", \"address\": {\"country\": \"BR\"}}", 400,
                        "validation"),
                // Registration: values
                post("a phone too short", newAccount.replace("+5531987651111", "123") + "}", 400, "validation"),
                post("a phone in letters", newAccount.replace("+5531987651111", "onze nove") + "}", 400,
                        "validation"),
                post("a name with digits", newAccount.replace("Ana Lima", "An4 L1ma") + "}", 400, "validation"),
                post("a name of 500 letters", newAccount.replace("Ana Lima", "a".repeat(500)) + "}", 400,
                        "validation"),
                post("an e-mail without domain", newAccount.replace("ana@example.com", "ana") + "}", 400,
                        "validation"),
                post("an e-mail with a domain typo", newAccount.replace("example.com", "gmial.com") + "}", 400,
                        "validation"),
                post("an e-mail of 300 characters", newAccount.replace("ana@", "a".repeat(300) + "@") + "}", 400,
                        "validation"),
                post("HTML in the e-mail", newAccount.replace("ana@example.com", "<script>alert(1)</script>@x.com")
                        + "}", 400, "validation"),
                post("SQL in the name", newAccount.replace("Ana Lima", "Robert'); DROP TABLE account;--") + "}", 400,
                        "validation"),
                post("a CEP of 3 digits", newAccount + ", \"address\": {\"postalCode\": \"123\"}}", 400, "validation"),
                post("an unknown state", newAccount + ", \"address\": {\"state\": \"XX\"}}", 400, "validation"),
                post("a street of 10,000 characters", newAccount + ", \"address\": {\"street\": \""
                        + "r".repeat(10_000) + "\"}}", 400, "validation"),
                post("a control character in the street", newAccount + ", \"address\": {\"street\": \"Rua\\u0000Um\"}}",
                        400, "validation"),
                post("a CPF of repeated digits", newAccount + ", \"cpf\": \"111.111.111-11\"}", 400, "validation"),
                post("a CPF with wrong check digits", newAccount + ", \"cpf\": \"123.456.789-00\"}", 400, "validation"),
                post("a birth date in the future", newAccount + ", \"birthDate\": \"2999-01-01\"}", 400, "validation"),
                post("an impossible birth date", newAccount + ", \"birthDate\": \"31/02/2000\"}", 400, "validation"),
                post("a body over 64 KiB", newAccount + ", \"pad\": \"" + "x".repeat(70_000) + "\"}", 413,
                        "content-too-large"),
                post("a phone that has an account", newAccount.replace("+5531987651111", TAKEN_PHONE) + "}", 409,
                        "phone-taken"),
                new Case("an Idempotency-Key of 300 characters", "POST", "/v1/accounts", JSON, null, Token.VALID,
                        newAccount + "}", 400, "invalid-idempotency-key", "Idempotency-Key", "k".repeat(300)),
                new Case("a channel with spaces", "POST", "/v1/accounts", JSON, null, Token.VALID, newAccount + "}",
                        400, "validation", "X-Channel", "web chat"),
                // Registration: authentication and scopes
                new Case("no token", "POST", "/v1/accounts", JSON, null, Token.NONE, newAccount + "}", 401,
                        "unauthenticated"),
                new Case("a token that is not a JWT", "POST", "/v1/accounts", JSON, null, Token.GARBAGE,
                        newAccount + "}", 401, "unauthenticated"),
                new Case("a token signed with another key", "POST", "/v1/accounts", JSON, null, Token.WRONG_KEY,
                        newAccount + "}", 401, "unauthenticated"),
                new Case("a token signed with another client's key", "POST", "/v1/accounts", JSON, null,
                        Token.OTHER_CLIENTS_KEY, newAccount + "}", 401, "unauthenticated"),
                new Case("a token from a client account-api does not know", "POST", "/v1/accounts", JSON, null,
                        Token.UNKNOWN_CLIENT, newAccount + "}", 401, "unauthenticated"),
                new Case("an expired token", "POST", "/v1/accounts", JSON, null, Token.EXPIRED, newAccount + "}", 401,
                        "unauthenticated"),
                new Case("a token for another audience", "POST", "/v1/accounts", JSON, null, Token.OTHER_AUDIENCE,
                        newAccount + "}", 401, "unauthenticated"),
                new Case("registering with a read-only token", "POST", "/v1/accounts", JSON, null, Token.READ_ONLY,
                        newAccount + "}", 403, "forbidden"),
                // Changes
                patch("no If-Match", null, "{\"email\": \"x@novo.com.br\"}", 428, "precondition-required"),
                patch("If-Match *", "*", "{\"email\": \"x@novo.com.br\"}", 428, "precondition-required"),
                patch("a stale If-Match", "\"0\"", "{\"email\": \"x@novo.com.br\"}", 412, "stale-version"),
                patch("a weak If-Match", "W/\"1\"", "{\"email\": \"x@novo.com.br\"}", 412, "stale-version"),
                patch("a patch that is an array", "\"1\"", "[]", 400, "malformed-body"),
                patch("a malformed patch", "\"1\"", "{\"email\"", 400, "malformed-body"),
                patch("removing the phone", "\"1\"", "{\"phone\": null}", 400, "validation"),
                patch("a phone that is no number", "\"1\"", "{\"phone\": \"onze\"}", 400, "validation"),
                patch("removing the name", "\"1\"", "{\"name\": null}", 400, "validation"),
                patch("an invalid e-mail", "\"1\"", "{\"email\": \"x@\"}", 400, "validation"),
                new Case("a JSON Patch instead of a merge patch", "PATCH", "/v1/accounts/{id}",
                        "application/json-patch+json", "\"1\"", Token.VALID, "[]", 415, "unsupported-media-type"),
                new Case("patching an unknown account", "PATCH", "/v1/accounts/0190f0a0-0000-7000-8000-000000000000",
                        MERGE_PATCH, "\"1\"", Token.VALID, "{\"email\": \"x@novo.com.br\"}", 404, "account-not-found"),
                new Case("patching with a read-only token", "PATCH", "/v1/accounts/{id}", MERGE_PATCH, "\"1\"",
                        Token.READ_ONLY, "{\"email\": \"x@novo.com.br\"}", 403, "forbidden"),
                new Case("reverting an unknown change", "POST",
                        "/v1/accounts/{id}/changes/0190f0a0-0000-7000-8000-000000000000/revert", JSON, null,
                        Token.VALID, "", 404, "change-not-found"),
                new Case("erasing without the erase scope", "DELETE", "/v1/accounts/{id}", null, null,
                        Token.WRITE_ONLY, null, 403, "forbidden"),
                new Case("erasing with an erase scope the client claims but was not given", "DELETE",
                        "/v1/accounts/{id}", null, null, Token.CLAIMING_MORE, null, 403, "forbidden"),
                // Reads
                get("listing accounts", "/v1/accounts", 400, "validation"),
                get("searching by a phone in letters", "/v1/accounts?phone=abc", 400, "validation"),
                get("searching by phone and CPF at once", "/v1/accounts?phone=11987654321&cpf=52998224725", 400,
                        "validation"),
                get("searching by an invalid CPF", "/v1/accounts?cpf=123", 400, "validation"),
                get("an id that is not a UUID", "/v1/accounts/1%20or%201=1", 404, "account-not-found"),
                get("a page size of 0", "/v1/accounts/{id}/changes?size=0", 400, "validation"),
                new Case("reading with a write-only token", "GET", "/v1/accounts/{id}", null, null, Token.WRITE_ONLY,
                        null, 403, "forbidden"),
                new Case("reading without a token", "GET", "/v1/accounts/{id}", null, null, Token.NONE, null, 401,
                        "unauthenticated"));
    }

    @BeforeEach
    void referenceAccount() {
        api = new ApiClient(port, Clock.systemUTC());
        accountId = jdbc.sql("select id::text from account where phone = ?").param(TAKEN_PHONE)
                .query(String.class).optional()
                .orElseGet(() -> api.register(TAKEN_PHONE).get("id").stringValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRefusedWithAProblemAndChangesNothing(Case bad) {
        String before = databaseState();

        var request = api.request(bad.path().replace("{id}", accountId));
        if (bad.contentType() != null) {
            request.header("Content-Type", bad.contentType());
        }
        if (bad.ifMatch() != null) {
            request.header("If-Match", bad.ifMatch());
        }
        if (bad.headers().length > 0) {
            request.headers(bad.headers());
        }
        request.method(bad.method(), bad.body() == null ? BodyPublishers.noBody() : BodyPublishers.ofString(bad.body()));
        String authorization = authorization(bad.token());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }

        assertProblem(api.sendRaw(request), bad.status(), "/problems/" + bad.type());
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void theTableCoversAtLeastFortyRequests() {
        assertThat(badRequests().count()).isGreaterThanOrEqualTo(40);
    }

    private String authorization(Token token) {
        return switch (token) {
            case VALID -> api.authorization();
            case NONE -> null;
            case GARBAGE -> "Bearer not-a-jwt";
            case WRONG_KEY -> tokens("test-client", ServiceKeys.generate(), "account-api", Clock.systemUTC());
            case OTHER_CLIENTS_KEY -> tokens("test-client", ApiClient.key("reader"), "account-api",
                    Clock.systemUTC());
            case UNKNOWN_CLIENT -> tokens("stranger", ApiClient.key("stranger"), "account-api", Clock.systemUTC());
            case EXPIRED -> tokens("test-client", ApiClient.key("test-client"), "account-api",
                    Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)));
            case OTHER_AUDIENCE -> tokens("test-client", ApiClient.key("test-client"), "another-api",
                    Clock.systemUTC());
            case READ_ONLY -> api.as("reader", "accounts:read").authorization();
            case WRITE_ONLY -> api.as("writer", "accounts:write").authorization();
            // The reader may read and write; erasing it claims, but account-api never gave it.
            case CLAIMING_MORE -> api.as("reader", "accounts:read", "accounts:write", "accounts:erase")
                    .authorization();
        };
    }

    private static String tokens(String client, ECKey key, String audience, Clock clock) {
        return new ServiceTokens(client, ApiClient.ALL_SCOPES, key, new ServiceAuthProperties("wareg", audience),
                clock).authorization();
    }

    /** A digest of everything account-api stores. */
    private String databaseState() {
        return jdbc.sql("""
                        select (select coalesce(md5(string_agg(a::text, '|' order by id)), '') from account a)
                            || (select coalesce(md5(string_agg(c::text, '|' order by id)), '') from account_change c)
                            || (select count(*) from idempotent_request)::text""")
                .query(String.class)
                .single();
    }

    private static Case post(String name, String body, int status, String type) {
        return new Case(name, "POST", "/v1/accounts", JSON, null, Token.VALID, body, status, type);
    }

    private static Case patch(String name, String ifMatch, String body, int status, String type) {
        return new Case(name, "PATCH", "/v1/accounts/{id}", MERGE_PATCH, ifMatch, Token.VALID, body, status, type);
    }

    private static Case get(String name, String path, int status, String type) {
        return new Case(name, "GET", path, null, null, Token.VALID, null, status, type);
    }
}
