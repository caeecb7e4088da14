package dev.wareg.account.accounts;

import static dev.wareg.account.accounts.ApiClient.assertProblem;
import static dev.wareg.account.accounts.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.account.AccountApiApplication;
import dev.wareg.testsupport.TestPostgres;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A sender known only by an id that is no phone (Meta's business-scoped user id, a WhatsApp Web LID) linked to the
 * account whose number it proved: found by that id afterwards, on that channel only, until it is unlinked, and gone
 * with the account.
 */
@SpringBootTest(classes = AccountApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=account-api"})
class SenderLinksIntegrationTests {

    private static final TestPostgres.Schema schema = TestPostgres.freshSchema();
    private static final AtomicInteger phones = new AtomicInteger();
    private static final AtomicInteger senders = new AtomicInteger();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ApiClient.trustTheTestClients(registry);
        schema.registerAsDataSource(registry);
    }

    @LocalServerPort
    int port;

    private ApiClient api;
    private ApiClient chat;

    @BeforeEach
    void clients() {
        api = new ApiClient(port, Clock.systemUTC());
        chat = api.as("chat-service", "accounts:read", "accounts:link");
    }

    @Test
    void aLinkedSenderFindsItsAccountOnItsChannelOnly() {
        String id = api.register(uniquePhone()).get("id").stringValue();
        String sender = uniqueSender();

        assertThat(link(chat, id, "cloud-api:" + sender).statusCode()).isEqualTo(204);

        var found = chat.get(bySender("cloud-api:" + sender));
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(json(found).get("id").stringValue()).isEqualTo(id);
        assertThat(found.headers().firstValue("ETag")).isPresent();
        assertProblem(chat.get(bySender("whatsapp-web:" + sender)), 404,
                "/problems/account-not-found");
    }

    @Test
    void linkingAgainIsIdempotentAndALaterProofMovesTheSender() {
        String first = api.register(uniquePhone()).get("id").stringValue();
        String second = api.register(uniquePhone()).get("id").stringValue();
        String sender = "whatsapp-web:" + senders.incrementAndGet() + "@lid";

        assertThat(link(chat, first, sender).statusCode()).isEqualTo(204);
        assertThat(link(chat, first, sender).statusCode()).isEqualTo(204);
        assertThat(json(chat.get(bySender(sender))).get("id").stringValue()).isEqualTo(first);

        assertThat(link(chat, second, sender).statusCode()).isEqualTo(204);
        assertThat(json(chat.get(bySender(sender))).get("id").stringValue()).isEqualTo(second);
    }

    @Test
    void erasingTheAccountErasesItsLinks() {
        String id = api.register(uniquePhone()).get("id").stringValue();
        String sender = "cloud-api:" + uniqueSender();
        link(chat, id, sender);

        assertThat(api.delete("/v1/accounts/" + id).statusCode()).isEqualTo(204);

        assertProblem(chat.get(bySender(sender)), 404, "/problems/account-not-found");
        assertProblem(link(chat, id, sender), 410, "/problems/account-erased");
    }

    @Test
    void aSenderCannotBeLinkedToAnAccountThatDoesNotExist() {
        assertProblem(link(chat, UUID.randomUUID().toString(), "cloud-api:" + uniqueSender()), 404,
                "/problems/account-not-found");
        assertProblem(link(chat, "not-a-uuid", "cloud-api:" + uniqueSender()), 404,
                "/problems/account-not-found");
    }

    @Test
    void aMalformedSenderIsABadRequest() {
        String id = api.register(uniquePhone()).get("id").stringValue();

        assertProblem(link(chat, id, "BR.123"), 400, "/problems/validation");
        assertProblem(link(chat, id, "Cloud_API:BR.123"), 400, "/problems/validation");
        assertProblem(link(chat, id, "cloud-api:"), 400, "/problems/validation");
        assertProblem(chat.get(bySender("cloud-api")), 400, "/problems/validation");
        assertProblem(chat.get("/v1/accounts?sender=cloud-api:x&phone=%2B5511987650000"), 400,
                "/problems/validation");
    }

    @Test
    void linkingNeedsTheLinkScopeAndReadingTheReadScope() {
        String id = api.register(uniquePhone()).get("id").stringValue();
        String sender = "cloud-api:" + uniqueSender();

        assertProblem(link(api.as("reader", "accounts:read", "accounts:write"), id, sender), 403,
                "/problems/forbidden");
        assertThat(link(api.as("linker", "accounts:link"), id, sender).statusCode()).isEqualTo(204);
        assertProblem(api.as("linker", "accounts:link").get(bySender(sender)), 403,
                "/problems/forbidden");
        assertProblem(chat.sendRaw(chat.request("/v1/accounts/" + id + "/senders/" + sender)
                .PUT(BodyPublishers.noBody())), 401, "/problems/unauthenticated");
    }

    @Test
    void anUnlinkedSenderNoLongerFindsTheAccountAndUnlinkingAgainChangesNothing() {
        String id = api.register(uniquePhone()).get("id").stringValue();
        String sender = "cloud-api:" + uniqueSender();
        String other = "whatsapp-web:" + senders.incrementAndGet() + "@lid";
        link(chat, id, sender);
        link(chat, id, other);

        assertThat(unlink(chat, id, sender).statusCode()).isEqualTo(204);

        assertProblem(chat.get(bySender(sender)), 404, "/problems/account-not-found");
        assertThat(json(chat.get(bySender(other))).get("id").stringValue()).isEqualTo(id);
        assertThat(unlink(chat, id, sender).statusCode()).isEqualTo(204);
        assertThat(unlink(chat, id, "cloud-api:" + uniqueSender()).statusCode()).isEqualTo(204);
        assertThat(link(chat, id, sender).statusCode()).isEqualTo(204);
        assertThat(json(chat.get(bySender(sender))).get("id").stringValue()).isEqualTo(id);
    }

    @Test
    void unlinkingFromOneAccountLeavesTheSendersLinkToAnotherAlone() {
        String first = api.register(uniquePhone()).get("id").stringValue();
        String second = api.register(uniquePhone()).get("id").stringValue();
        String sender = "cloud-api:" + uniqueSender();
        link(chat, first, sender);
        link(chat, second, sender);

        assertThat(unlink(chat, first, sender).statusCode()).isEqualTo(204);

        assertThat(json(chat.get(bySender(sender))).get("id").stringValue()).isEqualTo(second);
    }

    @Test
    void unlinkingFromAnAccountThatIsNotThereIsANotFoundOrGoneProblem() {
        String erased = api.register(uniquePhone()).get("id").stringValue();
        String sender = "cloud-api:" + uniqueSender();
        link(chat, erased, sender);
        assertThat(api.delete("/v1/accounts/" + erased).statusCode()).isEqualTo(204);

        assertProblem(unlink(chat, erased, sender), 410, "/problems/account-erased");
        assertProblem(unlink(chat, UUID.randomUUID().toString(), sender), 404, "/problems/account-not-found");
        assertProblem(unlink(chat, "not-a-uuid", sender), 404, "/problems/account-not-found");
    }

    @Test
    void unlinkingAMalformedSenderIsABadRequestAndChangesNothing() {
        String id = api.register(uniquePhone()).get("id").stringValue();
        String sender = "cloud-api:" + uniqueSender();
        link(chat, id, sender);

        assertProblem(unlink(chat, id, "BR.123"), 400, "/problems/validation");
        assertProblem(unlink(chat, id, "cloud-api:"), 400, "/problems/validation");

        assertThat(json(chat.get(bySender(sender))).get("id").stringValue()).isEqualTo(id);
    }

    @Test
    void unlinkingNeedsTheLinkScopeWhichErasesNothing() {
        String id = api.register(uniquePhone()).get("id").stringValue();
        String sender = "cloud-api:" + uniqueSender();
        link(chat, id, sender);

        assertProblem(unlink(api.as("operator", "accounts:read", "accounts:write", "accounts:erase"), id, sender),
                403, "/problems/forbidden");
        assertProblem(chat.sendRaw(chat.request("/v1/accounts/" + id + "/senders/" + sender).DELETE()), 401,
                "/problems/unauthenticated");
        assertProblem(api.as("linker", "accounts:link").delete("/v1/accounts/" + id), 403, "/problems/forbidden");
        assertThat(json(chat.get(bySender(sender))).get("id").stringValue()).isEqualTo(id);

        assertThat(unlink(api.as("linker", "accounts:link"), id, sender).statusCode()).isEqualTo(204);
        assertProblem(chat.get(bySender(sender)), 404, "/problems/account-not-found");
        assertThat(chat.get("/v1/accounts/" + id).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> unlink(ApiClient client, String id, String sender) {
        return client.send(client.request("/v1/accounts/" + id + "/senders/" + sender).DELETE());
    }

    private static HttpResponse<String> link(ApiClient client, String id, String sender) {
        return client.send(client.request("/v1/accounts/" + id + "/senders/" + sender).PUT(BodyPublishers.noBody()));
    }

    private static String bySender(String sender) {
        return "/v1/accounts?sender=" + URLEncoder.encode(sender, StandardCharsets.UTF_8);
    }

    private static String uniquePhone() {
        return "+55119%08d".formatted(60_000_000 + phones.incrementAndGet());
    }

    private static String uniqueSender() {
        return "BR." + (1_000_000_000L + senders.incrementAndGet()) + "abcdef";
    }
}
