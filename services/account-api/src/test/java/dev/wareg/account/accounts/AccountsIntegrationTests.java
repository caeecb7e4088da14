package dev.wareg.account.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.account.AccountApiApplication;
import dev.wareg.testsupport.SettableClock;
import dev.wareg.testsupport.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The account resource over HTTP, against the machine's PostgreSQL in a schema of its own. */
@SpringBootTest(classes = AccountApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=account-api"})
@Import(AccountsIntegrationTests.Time.class)
class AccountsIntegrationTests {

    private static final TestPostgres.Schema schema = TestPostgres.freshSchema();
    private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");
    private static final AtomicInteger phones = new AtomicInteger();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ApiClient.trustTheTestClients(registry);
        schema.registerAsDataSource(registry);
    }

    @TestConfiguration
    static class Time {

        @Bean
        SettableClock clock() {
            return new SettableClock(START);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    SettableClock clock;

    private final HttpClient http = HttpClient.newHttpClient();

    // --- Registration ---

    @Test
    void registeringAnAccountAnswers201WithItsLocationETagAndNormalisedValues() {
        clock.set(START);
        String local = uniqueLocalPhone();

        var response = post("/v1/accounts", """
                {"phone": "%s", "name": "maria souza", "email": "maria@EXAMPLE.com",
                 "address": {"postalCode": "01000-000", "city": "São Paulo", "state": "SP"}}""".formatted(local));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode account = json(response);
        String id = account.get("id").stringValue();
        assertThat(response.headers().firstValue("Location")).hasValue("/v1/accounts/" + id);
        assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(account.get("phone").stringValue()).isEqualTo(e164(local));
        assertThat(account.get("name").stringValue()).isEqualTo("Maria Souza");
        assertThat(account.get("email").stringValue()).isEqualTo("maria@example.com");
        assertThat(account.get("address").get("city").stringValue()).isEqualTo("São Paulo");
        assertThat(account.get("address").get("street").isNull()).isTrue();
        assertThat(account.get("cpf").isNull()).isTrue();
        assertThat(account.get("birthDate").isNull()).isTrue();
        assertThat(account.get("createdAt").stringValue()).isEqualTo("2025-03-01T12:00:00Z");
        assertThat(account.get("updatedAt").stringValue()).isEqualTo("2025-03-01T12:00:00Z");
        assertThat(account.get("version").asLong()).isEqualTo(1);
        assertThat(account.propertyNames()).containsExactly("id", "phone", "name", "email", "address", "cpf",
                "birthDate", "createdAt", "updatedAt", "version");
    }

    @Test
    void anAccountWithoutAddressHasANullAddress() {
        JsonNode account = json(register(uniqueLocalPhone()));

        assertThat(account.get("address").isNull()).isTrue();
    }

    @Test
    void aPhoneAlreadyRegisteredInAnyFormatIsAConflictThatRevealsNothingOfTheOtherAccount() {
        String local = uniqueLocalPhone();
        String firstId = json(register(local)).get("id").stringValue();

        var response = post("/v1/accounts", """
                {"phone": "%s", "name": "Other Person", "email": "other@example.com"}""".formatted(e164(local)));

        assertProblem(response, 409, "/problems/phone-taken");
        assertThat(response.body()).doesNotContain(firstId, "Maria", "maria@");
    }

    @Test
    void invalidValuesAre400WithEveryErrorNamed() {
        var response = post("/v1/accounts", """
                {"phone": "123", "name": "M4ria", "email": "maria@gmial.com", "address": {"state": "%s"}}"""
                .formatted("S".repeat(101)));

        assertProblem(response, 400, "/problems/validation");
        JsonNode errors = json(response).get("errors");
        assertThat(errors.valueStream().map(error -> error.get("field").stringValue()))
                .containsExactly("phone", "name", "email", "address.state");
        assertThat(errors.valueStream().map(error -> error.get("code").stringValue()))
                .containsExactly("invalid", "characters", "typo", "unknown");
        assertThat(errors.get(2).get("message").stringValue()).contains("maria@gmail.com");
    }

    @Test
    void missingRequiredValuesAre400() {
        var response = post("/v1/accounts", "{}");

        assertProblem(response, 400, "/problems/validation");
        assertThat(json(response).get("errors").valueStream().map(error -> error.get("field").stringValue()))
                .containsExactly("phone", "name", "email");
    }

    @Test
    void malformedJsonIs400() {
        assertProblem(post("/v1/accounts", "{\"phone\": "), 400, "/problems/malformed-body");
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        var response = send(HttpRequest.newBuilder(uri("/v1/accounts"))
                .header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("phone=11987654321")));

        assertProblem(response, 415, "/problems/unsupported-media-type");
    }

    @Test
    void anIdempotencyKeyIsAccepted() {
        var response = send(HttpRequest.newBuilder(uri("/v1/accounts"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "0b6f1e0c-8f5e-4d8e-9a0e-2c1d5b7a9e11")
                .POST(BodyPublishers.ofString(newAccount(uniqueLocalPhone()))));

        assertThat(response.statusCode()).isEqualTo(201);
    }

    // --- Reading ---

    @Test
    void anAccountIsReadByIdWithItsETag() {
        JsonNode created = json(register(uniqueLocalPhone()));

        var response = get("/v1/accounts/" + created.get("id").stringValue());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(json(response)).isEqualTo(created);
    }

    @Test
    void anAccountIsFoundByItsPhoneWrittenInAnyCommonForm() {
        String local = uniqueLocalPhone();
        String id = json(register(local)).get("id").stringValue();
        String digits = local.replaceAll("\\D", "");
        String formatted = "(" + digits.substring(0, 2) + ") " + digits.substring(2, 7) + "-" + digits.substring(7);

        for (String phone : new String[] {e164(local), digits, formatted, "+55 " + formatted, "55" + digits}) {
            var response = get("/v1/accounts?phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8));

            assertThat(response.statusCode()).as(phone).isEqualTo(200);
            assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
            assertThat(json(response).get("id").stringValue()).isEqualTo(id);
        }
    }

    @Test
    void anUnknownIdIs404() {
        assertProblem(get("/v1/accounts/0190f0a0-0000-7000-8000-000000000000"), 404, "/problems/account-not-found");
    }

    @Test
    void anIdThatIsNotAUuidIs404() {
        assertProblem(get("/v1/accounts/not-an-id"), 404, "/problems/account-not-found");
    }

    @Test
    void aPhoneWithoutAccountIs404() {
        assertProblem(get("/v1/accounts?phone=" + URLEncoder.encode(uniqueLocalPhone(), StandardCharsets.UTF_8)),
                404, "/problems/account-not-found");
    }

    @Test
    void searchingByAnInvalidPhoneIs400() {
        var response = get("/v1/accounts?phone=abc");

        assertProblem(response, 400, "/problems/validation");
        assertThat(json(response).get("errors").get(0).get("field").stringValue()).isEqualTo("phone");
    }

    @Test
    void accountsCannotBeListed() {
        assertProblem(get("/v1/accounts"), 400, "/problems/validation");
    }

    @Test
    void aReadWithTheCurrentETagIsNotModified() {
        String id = json(register(uniqueLocalPhone())).get("id").stringValue();

        var response = send(HttpRequest.newBuilder(uri("/v1/accounts/" + id)).header("If-None-Match", "\"1\""));

        assertThat(response.statusCode()).isEqualTo(304);
    }

    // --- Changing ---

    @Test
    void aMergePatchChangesOnlyItsMembersAndIncrementsTheETag() {
        clock.set(START);
        JsonNode created = json(register(uniqueLocalPhone()));
        String id = created.get("id").stringValue();
        clock.set(START.plus(Duration.ofHours(1)));

        var response = patch(id, "\"1\"", "application/merge-patch+json", """
                {"email": "maria.souza@example.com", "cpf": "123.456.789-09", "birthDate": "1990-05-17",
                 "address": {"street": "Rua Um", "number": "10"}}""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).hasValue("\"2\"");
        JsonNode patched = json(response);
        assertThat(patched.get("version").asLong()).isEqualTo(2);
        assertThat(patched.get("email").stringValue()).isEqualTo("maria.souza@example.com");
        assertThat(patched.get("cpf").stringValue()).isEqualTo("12345678909");
        assertThat(patched.get("birthDate").stringValue()).isEqualTo("1990-05-17");
        assertThat(patched.get("address").get("street").stringValue()).isEqualTo("Rua Um");
        assertThat(patched.get("address").get("number").stringValue()).isEqualTo("10");
        assertThat(patched.get("name")).isEqualTo(created.get("name"));
        assertThat(patched.get("phone")).isEqualTo(created.get("phone"));
        assertThat(patched.get("createdAt").stringValue()).isEqualTo("2025-03-01T12:00:00Z");
        assertThat(patched.get("updatedAt").stringValue()).isEqualTo("2025-03-01T13:00:00Z");
        assertThat(json(get("/v1/accounts/" + id))).isEqualTo(patched);

        var removal = patch(id, "\"2\"", "application/merge-patch+json", """
                {"address": {"number": null}, "birthDate": null}""");

        assertThat(removal.headers().firstValue("ETag")).hasValue("\"3\"");
        assertThat(json(removal).get("address").get("street").stringValue()).isEqualTo("Rua Um");
        assertThat(json(removal).get("address").get("number").isNull()).isTrue();
        assertThat(json(removal).get("birthDate").isNull()).isTrue();
        assertThat(json(removal).get("cpf").stringValue()).isEqualTo("12345678909");
    }

    @Test
    void aPatchThatChangesNothingKeepsTheVersion() {
        clock.set(START);
        JsonNode created = json(register(uniqueLocalPhone()));
        clock.set(START.plus(Duration.ofHours(1)));

        var response = patch(created.get("id").stringValue(), "\"1\"", "application/merge-patch+json",
                "{\"name\": \"" + created.get("name").stringValue() + "\", \"cpf\": null}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(json(response)).isEqualTo(created);
    }

    @Test
    void aPatchMayAlsoBeSentAsPlainJson() {
        String id = json(register(uniqueLocalPhone())).get("id").stringValue();

        var response = patch(id, "\"1\"", "application/json", "{\"name\": \"Maria Lima\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("name").stringValue()).isEqualTo("Maria Lima");
    }

    @Test
    void aPatchWithoutIfMatchIs428() {
        String id = json(register(uniqueLocalPhone())).get("id").stringValue();

        assertProblem(patch(id, null, "application/merge-patch+json", "{\"name\": \"Maria Lima\"}"),
                428, "/problems/precondition-required");
        assertProblem(patch(id, "*", "application/merge-patch+json", "{\"name\": \"Maria Lima\"}"),
                428, "/problems/precondition-required");
    }

    @Test
    void aPatchBasedOnAnOlderVersionIs412AndChangesNothing() {
        String id = json(register(uniqueLocalPhone())).get("id").stringValue();
        assertThat(patch(id, "\"1\"", "application/merge-patch+json", "{\"name\": \"Maria Lima\"}").statusCode())
                .isEqualTo(200);

        var stale = patch(id, "\"1\"", "application/merge-patch+json", "{\"name\": \"Maria Costa\"}");

        assertProblem(stale, 412, "/problems/stale-version");
        assertThat(json(get("/v1/accounts/" + id)).get("name").stringValue()).isEqualTo("Maria Lima");
        assertProblem(patch(id, "W/\"2\"", "application/merge-patch+json", "{\"name\": \"Maria Costa\"}"),
                412, "/problems/stale-version");
    }

    @Test
    void requiredAndServerOwnedPropertiesAreRefusedByName() {
        String id = json(register(uniqueLocalPhone())).get("id").stringValue();

        var response = patch(id, "\"1\"", "application/merge-patch+json", """
                {"name": null, "phone": null, "version": 7}""");

        assertProblem(response, 400, "/problems/validation");
        assertThat(json(response).get("errors").valueStream().map(error -> error.get("field").stringValue()))
                .containsExactly("name", "phone", "version");
        assertThat(json(get("/v1/accounts/" + id)).get("version").asLong()).isEqualTo(1);
    }

    /** A person moving to a new number (the chat proved they hold both): the phone changes, and is audited. */
    @Test
    void thePhoneMovesToAFreeNumberButNotToAnotherAccountsNumber() {
        String taken = uniqueLocalPhone();
        json(register(taken));
        String id = json(register(uniqueLocalPhone())).get("id").stringValue();
        String free = uniqueLocalPhone();

        assertProblem(patch(id, "\"1\"", "application/merge-patch+json", "{\"phone\": \"" + taken + "\"}"), 409,
                "/problems/phone-taken");
        var moved = patch(id, "\"1\"", "application/merge-patch+json", "{\"phone\": \"" + free + "\"}");

        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(json(moved).get("version").asLong()).isEqualTo(2);
        assertThat(json(get("/v1/accounts/" + id)).get("phone").stringValue()).isEqualTo(e164(free));
    }

    @Test
    void aCpfOfAnotherAccountIsAConflict() {
        String first = json(register(uniqueLocalPhone())).get("id").stringValue();
        String second = json(register(uniqueLocalPhone())).get("id").stringValue();
        String cpf = "{\"cpf\": \"529.982.247-25\"}";
        assertThat(patch(first, "\"1\"", "application/merge-patch+json", cpf).statusCode()).isEqualTo(200);

        assertProblem(patch(second, "\"1\"", "application/merge-patch+json", cpf), 409, "/problems/cpf-taken");
    }

    @Test
    void patchingAnUnknownAccountIs404() {
        assertProblem(patch("0190f0a0-0000-7000-8000-000000000000", "\"1\"", "application/merge-patch+json",
                "{\"name\": \"Maria Lima\"}"), 404, "/problems/account-not-found");
    }

    @Test
    void aPatchThatIsNotAnObjectOrNotJsonIs400() {
        String id = json(register(uniqueLocalPhone())).get("id").stringValue();

        assertProblem(patch(id, "\"1\"", "application/merge-patch+json", "[]"), 400, "/problems/malformed-body");
        assertProblem(patch(id, "\"1\"", "application/merge-patch+json", "{name: }"), 400,
                "/problems/malformed-body");
    }

    @Test
    void aPatchInAnotherMediaTypeIs415() {
        String id = json(register(uniqueLocalPhone())).get("id").stringValue();

        assertProblem(patch(id, "\"1\"", "application/json-patch+json", "[{\"op\": \"remove\", \"path\": \"/cpf\"}]"),
                415, "/problems/unsupported-media-type");
    }

    // --- Helpers ---

    /** A Brazilian mobile number no other test uses, as people type it: area code and nine digits. */
    private static String uniqueLocalPhone() {
        return "11 9%08d".formatted(70_000_000 + phones.incrementAndGet());
    }

    private static String e164(String localPhone) {
        return "+55" + localPhone.replaceAll("\\D", "");
    }

    private static String newAccount(String phone) {
        return """
                {"phone": "%s", "name": "Maria Souza", "email": "maria@example.com"}""".formatted(phone);
    }

    private HttpResponse<String> register(String phone) {
        var response = post("/v1/accounts", newAccount(phone));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response;
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json"));
    }

    private HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> patch(String id, String ifMatch, String contentType, String body) {
        var request = HttpRequest.newBuilder(uri("/v1/accounts/" + id))
                .header("Content-Type", contentType)
                .method("PATCH", BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.setHeader("Authorization", api().authorization()).build(),
                    BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ApiClient api() {
        return new ApiClient(port, clock);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) {
        ApiClient.assertProblem(response, status, type);
    }
}
