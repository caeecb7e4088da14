package dev.wareg.account.accounts;

import static dev.wareg.account.accounts.ApiClient.assertProblem;
import static dev.wareg.account.accounts.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.account.AccountApiApplication;
import dev.wareg.testsupport.TestPostgres;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What makes account-api a system of record: the audit trail, reverting a change, the LGPD export and erasure,
 * safe retries with Idempotency-Key, and concurrent writers that cannot overwrite each other.
 */
@SpringBootTest(classes = AccountApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=account-api"})
class AccountHistoryIntegrationTests {

    private static final TestPostgres.Schema schema = TestPostgres.freshSchema();
    private static final AtomicInteger phones = new AtomicInteger();

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

    @BeforeEach
    void client() {
        api = new ApiClient(port, Clock.systemUTC());
    }

    // --- Audit trail ---

    @Test
    void everyChangeIsAuditedFieldByFieldWithItsClientChannelAndCorrelationNewestFirst() {
        JsonNode account = api.register(newPhone());
        String id = account.get("id").stringValue();
        var response = api.as("update-worker", "accounts:write").patch(id, "\"1\"", """
                {"email": "maria@novo.com.br", "address": {"city": "Recife"}}""",
                "X-Channel", "web-chat", "X-Correlation-Id", "event-42");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        JsonNode page = json(api.get("/v1/accounts/" + id + "/changes"));

        assertThat(page.get("totalItems").asLong()).isEqualTo(4);
        JsonNode newest = page.get("items").get(0);
        assertThat(page.get("items").valueStream().limit(2).map(change -> change.get("field").stringValue()))
                .containsExactlyInAnyOrder("email", "address.city");
        var email = page.get("items").valueStream()
                .filter(change -> change.get("field").stringValue().equals("email")).findFirst().orElseThrow();
        assertThat(email.get("kind").stringValue()).isEqualTo("updated");
        assertThat(email.get("actor").stringValue()).isEqualTo("update-worker");
        assertThat(email.get("channel").stringValue()).isEqualTo("web-chat");
        assertThat(email.get("correlationId").stringValue()).isEqualTo("event-42");
        assertThat(email.get("oldValue").stringValue()).isEqualTo("maria@example.com");
        assertThat(email.get("newValue").stringValue()).isEqualTo("maria@novo.com.br");
        assertThat(newest.get("changedAt").stringValue()).isNotBlank();
        var creation = page.get("items").get(3);
        assertThat(creation.get("kind").stringValue()).isEqualTo("created");
        assertThat(creation.get("actor").stringValue()).isEqualTo("test-client");
        assertThat(creation.get("oldValue").isNull()).isTrue();
    }

    @Test
    void theTrailIsPaginated() {
        String id = api.register(newPhone()).get("id").stringValue();

        JsonNode first = json(api.get("/v1/accounts/" + id + "/changes?page=0&size=1"));
        JsonNode second = json(api.get("/v1/accounts/" + id + "/changes?page=1&size=1"));

        assertThat(first.get("items")).hasSize(1);
        assertThat(first.get("totalItems").asLong()).isEqualTo(2);
        assertThat(second.get("items").get(0).get("id")).isNotEqualTo(first.get("items").get(0).get("id"));
        assertProblem(api.get("/v1/accounts/" + id + "/changes?size=1000"), 400, "/problems/validation");
    }

    @Test
    void aChangeThatDidNotHappenIsNotAudited() {
        String id = api.register(newPhone()).get("id").stringValue();

        api.patch(id, "\"1\"", "{\"email\": \"maria@example.com\"}");
        api.patch(id, "\"0\"", "{\"email\": \"maria@outro.com.br\"}");

        assertThat(json(api.get("/v1/accounts/" + id + "/changes")).get("totalItems").asLong()).isEqualTo(2);
    }

    // --- Revert ---

    @Test
    void aChangeIsRevertedAsANewAuditedChange() {
        String id = api.register(newPhone()).get("id").stringValue();
        api.patch(id, "\"1\"", "{\"email\": \"maria@novo.com.br\"}");
        String changeId = json(api.get("/v1/accounts/" + id + "/changes")).get("items").get(0).get("id").stringValue();

        var reverted = api.post("/v1/accounts/" + id + "/changes/" + changeId + "/revert", "");

        assertThat(reverted.statusCode()).as(reverted.body()).isEqualTo(200);
        assertThat(json(reverted).get("email").stringValue()).isEqualTo("maria@example.com");
        assertThat(reverted.headers().firstValue("ETag")).hasValue("\"3\"");
        JsonNode newest = json(api.get("/v1/accounts/" + id + "/changes")).get("items").get(0);
        assertThat(newest.get("kind").stringValue()).isEqualTo("reverted");
        assertThat(newest.get("reverts").stringValue()).isEqualTo(changeId);
    }

    @Test
    void aChangeWhoseFieldChangedSinceIsNotReverted() {
        String id = api.register(newPhone()).get("id").stringValue();
        api.patch(id, "\"1\"", "{\"email\": \"maria@novo.com.br\"}");
        String changeId = json(api.get("/v1/accounts/" + id + "/changes")).get("items").get(0).get("id").stringValue();
        api.patch(id, "\"2\"", "{\"email\": \"maria@terceiro.com.br\"}");

        assertProblem(api.post("/v1/accounts/" + id + "/changes/" + changeId + "/revert", ""), 409,
                "/problems/changed-since");
        assertThat(json(api.get("/v1/accounts/" + id)).get("email").stringValue()).isEqualTo("maria@terceiro.com.br");
    }

    @Test
    void aRequiredValueCannotBeRevertedToNone() {
        String id = api.register(newPhone()).get("id").stringValue();
        String creationOfName = json(api.get("/v1/accounts/" + id + "/changes")).get("items").valueStream()
                .filter(change -> change.get("field").stringValue().equals("name"))
                .findFirst().orElseThrow().get("id").stringValue();

        assertProblem(api.post("/v1/accounts/" + id + "/changes/" + creationOfName + "/revert", ""), 409,
                "/problems/not-revertible");
    }

    @Test
    void anUnknownChangeIs404() {
        String id = api.register(newPhone()).get("id").stringValue();

        assertProblem(api.post("/v1/accounts/" + id + "/changes/0190f0a0-0000-7000-8000-000000000000/revert", ""),
                404, "/problems/change-not-found");
    }

    // --- LGPD: export and erasure ---

    @Test
    void theExportHoldsTheAccountAndItsWholeTrail() {
        String id = api.register(newPhone()).get("id").stringValue();
        api.patch(id, "\"1\"", "{\"cpf\": \"529.982.247-25\"}");

        JsonNode export = json(api.get("/v1/accounts/" + id + "/export"));

        assertThat(export.get("account").get("cpf").stringValue()).isEqualTo("52998224725");
        assertThat(export.get("changes")).hasSize(3);
        assertThat(export.get("exportedAt").stringValue()).isNotBlank();
    }

    @Test
    void erasureRemovesEveryValueButKeepsThatChangesHappened() {
        String phone = newPhone();
        String id = api.register(phone).get("id").stringValue();
        api.patch(id, "\"1\"", "{\"email\": \"maria@novo.com.br\"}", "Idempotency-Key", "erase-me-1");

        var erasure = api.as("privacy-desk", "accounts:erase").delete("/v1/accounts/" + id);

        assertThat(erasure.statusCode()).as(erasure.body()).isEqualTo(204);
        assertProblem(api.get("/v1/accounts/" + id), 410, "/problems/account-erased");
        assertProblem(api.get("/v1/accounts?phone=" + phone.replace("+", "%2B")), 404, "/problems/account-not-found");
        assertProblem(api.delete("/v1/accounts/" + id), 410, "/problems/account-erased");
        JsonNode trail = json(api.get("/v1/accounts/" + id + "/changes"));
        assertThat(trail.get("items").get(0).get("kind").stringValue()).isEqualTo("erased");
        assertThat(trail.get("items").get(0).get("actor").stringValue()).isEqualTo("privacy-desk");
        assertThat(trail.get("items").valueStream())
                .allSatisfy(change -> {
                    assertThat(change.get("oldValue").isNull()).isTrue();
                    assertThat(change.get("newValue").isNull()).isTrue();
                });
        assertThat(jdbc.sql("select count(*) from idempotent_request where account_id = ?::uuid")
                .param(id).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from account_change where account_id = ?::uuid"
                        + " and (old_value is not null or new_value is not null)")
                .param(id).query(Long.class).single()).isZero();
    }

    // --- Idempotency ---

    @Test
    void aRetriedRegistrationReplaysTheFirstResponse() {
        String body = "{\"phone\": \"%s\", \"name\": \"Ana Lima\", \"email\": \"ana@example.com\"}".formatted(newPhone());

        var first = api.post("/v1/accounts", body, "Idempotency-Key", "register-ana");
        var retry = api.post("/v1/accounts", body, "Idempotency-Key", "register-ana");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void aRetriedPatchIsAppliedOnce() {
        String id = api.register(newPhone()).get("id").stringValue();

        var first = api.patch(id, "\"1\"", "{\"email\": \"a@novo.com.br\"}", "Idempotency-Key", "patch-once");
        var retry = api.patch(id, "\"1\"", "{\"email\": \"a@novo.com.br\"}", "Idempotency-Key", "patch-once");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(json(api.get("/v1/accounts/" + id)).get("version").asLong()).isEqualTo(2);
    }

    @Test
    void theSameKeyForAnotherRequestIs422() {
        String id = api.register(newPhone()).get("id").stringValue();
        api.patch(id, "\"1\"", "{\"email\": \"a@novo.com.br\"}", "Idempotency-Key", "reused");

        assertProblem(api.patch(id, "\"2\"", "{\"email\": \"b@novo.com.br\"}", "Idempotency-Key", "reused"),
                422, "/problems/idempotency-key-reused");
        assertThat(json(api.get("/v1/accounts/" + id)).get("email").stringValue()).isEqualTo("a@novo.com.br");
    }

    @Test
    void keysBelongToTheClientThatSentThem() {
        String id = api.register(newPhone()).get("id").stringValue();
        api.patch(id, "\"1\"", "{\"email\": \"a@novo.com.br\"}", "Idempotency-Key", "shared-key");

        var other = api.as("other-client", "accounts:write", "accounts:read")
                .patch(id, "\"2\"", "{\"email\": \"b@novo.com.br\"}", "Idempotency-Key", "shared-key");

        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(json(other).get("version").asLong()).isEqualTo(3);
    }

    @Test
    void aFailedRequestLeavesNoKeySoItCanBeRetried() {
        String id = api.register(newPhone()).get("id").stringValue();

        assertProblem(api.patch(id, "\"1\"", "{\"email\": \"nope\"}", "Idempotency-Key", "fix-and-retry"), 400,
                "/problems/validation");
        var fixed = api.patch(id, "\"1\"", "{\"email\": \"ok@novo.com.br\"}", "Idempotency-Key", "fix-and-retry");

        assertThat(fixed.statusCode()).as(fixed.body()).isEqualTo(200);
    }

    @Test
    void theSameKeySentTwiceAtOnceMakesOneChange() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = api.register(newPhone()).get("id").stringValue();
            String key = "concurrent-" + round;
            List<HttpResponse<String>> responses = atOnce(8,
                    () -> api.patch(id, "\"1\"", "{\"email\": \"same@novo.com.br\"}", "Idempotency-Key", key));

            assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
            assertThat(responses.stream().map(HttpResponse::body).distinct()).hasSize(1);
            assertThat(json(api.get("/v1/accounts/" + id)).get("version").asLong()).isEqualTo(2);
            assertThat(json(api.get("/v1/accounts/" + id + "/changes")).get("totalItems").asLong()).isEqualTo(3);
        }
    }

    // --- Concurrent writers ---

    @Test
    void twoPatchesOfTheSameVersionAtOnceExactlyOneSucceeds() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = api.register(newPhone()).get("id").stringValue();
            var counter = new AtomicInteger();
            List<HttpResponse<String>> responses = atOnce(2, () -> api.patch(id, "\"1\"",
                    "{\"email\": \"writer" + counter.incrementAndGet() + "@novo.com.br\"}"));

            assertThat(responses.stream().map(HttpResponse::statusCode)).containsExactlyInAnyOrder(200, 412);
            assertThat(json(api.get("/v1/accounts/" + id)).get("version").asLong()).isEqualTo(2);
        }
    }

    private static <T> List<T> atOnce(int parallel, Callable<T> call) throws Exception {
        var start = new CountDownLatch(1);
        try (var executor = Executors.newFixedThreadPool(parallel)) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    private static String newPhone() {
        return "+55219%08d".formatted(80_000_000 + phones.incrementAndGet());
    }
}
