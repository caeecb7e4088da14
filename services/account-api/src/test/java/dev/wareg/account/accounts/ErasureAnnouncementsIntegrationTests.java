package dev.wareg.account.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wareg.account.AccountApiApplication;
import dev.wareg.contracts.AccountErased;
import dev.wareg.platform.messaging.RecordingEventBus;
import dev.wareg.testsupport.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every erasure is announced once, by account-api, with what the holders of copies need: the phone, and the
 * conversation to tell when one asked. The announcement survives a bus that is down.
 */
@SpringBootTest(classes = AccountApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=account-api",
                "wareg.accounts.erasure-announcements.retry-interval=200ms"})
@Import(ErasureAnnouncementsIntegrationTests.Bus.class)
class ErasureAnnouncementsIntegrationTests {

    private static final TestPostgres.Schema schema = TestPostgres.freshSchema();
    private static final AtomicInteger phones = new AtomicInteger();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ApiClient.trustTheTestClients(registry);
        schema.registerAsDataSource(registry);
    }

    @TestConfiguration
    static class Bus {

        @Bean
        RecordingEventBus recordingEventBus() {
            return new RecordingEventBus();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    RecordingEventBus bus;

    @Autowired
    JdbcClient jdbc;

    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port, Clock.systemUTC());
        bus.failing = false;
        bus.published.clear();
    }

    @Test
    void anOperatorsErasureIsAnnouncedWithThePhoneAndNoConversation() {
        String phone = newPhone();
        String id = api.register(phone).get("id").stringValue();

        assertThat(api.as("privacy-desk", "accounts:erase").delete("/v1/accounts/" + id).statusCode()).isEqualTo(204);

        assertThat(bus.published).singleElement().isInstanceOfSatisfying(AccountErased.class, erased -> {
            assertThat(erased.accountId()).hasToString(id);
            assertThat(erased.phone()).isEqualTo(phone);
            assertThat(erased.requestId()).isNull();
            assertThat(erased.channel()).isNull();
            assertThat(erased.conversationId()).isNull();
            assertThat(erased.senders()).isEmpty();
            assertThat(erased.eventId()).isEqualTo(ErasureAnnouncements.eventId(UUID.fromString(id)));
        });
        assertThat(pendingAnnouncements()).isZero();
    }

    @Test
    void anErasureNamesTheSendersLinkedToTheAccountAndTheLinksGoWithIt() {
        String id = api.register(newPhone()).get("id").stringValue();
        var chat = api.as("chat-service", "accounts:read", "accounts:link");
        for (String sender : new String[] {"cloud-api:BR.1234567890abcdef", "whatsapp-web:208420593053874@lid"}) {
            assertThat(chat.send(chat.request("/v1/accounts/" + id + "/senders/" + sender)
                    .PUT(java.net.http.HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(204);
        }

        assertThat(api.as("privacy-desk", "accounts:erase").delete("/v1/accounts/" + id).statusCode()).isEqualTo(204);

        assertThat(bus.published).singleElement().isInstanceOfSatisfying(AccountErased.class, erased ->
                assertThat(erased.senders()).containsExactlyInAnyOrder("cloud-api:BR.1234567890abcdef",
                        "whatsapp-web:208420593053874@lid"));
        assertThat(jdbc.sql("select count(*) from account_sender where account_id = :id")
                .param("id", UUID.fromString(id)).query(Long.class).single()).isZero();
    }

    @Test
    void anErasureAConversationAskedForAnswersItsRequest() {
        String phone = newPhone();
        String id = api.register(phone).get("id").stringValue();
        UUID request = UUID.randomUUID();

        var erasure = api.send(api.request("/v1/accounts/" + id).DELETE()
                .header("X-Channel", "cloud-api").header("X-Conversation-Id", phone.substring(1))
                .header("X-Correlation-Id", request.toString()));

        assertThat(erasure.statusCode()).as(erasure.body()).isEqualTo(204);
        assertThat(bus.published).singleElement().isInstanceOfSatisfying(AccountErased.class, erased -> {
            assertThat(erased.requestId()).isEqualTo(request);
            assertThat(erased.channel()).isEqualTo("cloud-api");
            assertThat(erased.conversationId()).isEqualTo(phone.substring(1));
            assertThat(erased.orderingKey()).isEqualTo("cloud-api:" + phone.substring(1));
        });
        assertThat(api.delete("/v1/accounts/" + id).statusCode()).as("erased once, announced once").isEqualTo(410);
        assertThat(bus.published).hasSize(1);
    }

    @Test
    void aConversationWithoutTheRequestItAnswersIs400AndErasesNothing() {
        String id = api.register(newPhone()).get("id").stringValue();

        var noRequest = api.send(api.request("/v1/accounts/" + id).DELETE()
                .header("X-Channel", "cloud-api").header("X-Conversation-Id", "5511900000000")
                .header("X-Correlation-Id", "ticket-42"));
        var noChannel = api.send(api.request("/v1/accounts/" + id).DELETE()
                .header("X-Conversation-Id", "5511900000000").header("X-Correlation-Id", UUID.randomUUID().toString()));

        assertThat(noRequest.statusCode()).isEqualTo(400);
        assertThat(noChannel.statusCode()).isEqualTo(400);
        assertThat(api.get("/v1/accounts/" + id).statusCode()).isEqualTo(200);
        assertThat(bus.published).isEmpty();
    }

    @Test
    void anErasureWhileTheBusIsDownIsAnnouncedOnceItIsBack() {
        String id = api.register(newPhone()).get("id").stringValue();
        bus.failing = true;

        assertThat(api.as("privacy-desk", "accounts:erase").delete("/v1/accounts/" + id).statusCode())
                .as("the erasure itself does not wait for the bus").isEqualTo(204);
        assertThat(pendingAnnouncements()).isEqualTo(1);

        bus.failing = false;
        await().atMost(Duration.ofSeconds(10)).until(() -> !bus.published.isEmpty());
        assertThat(bus.published).singleElement().isInstanceOf(AccountErased.class);
        assertThat(pendingAnnouncements()).isZero();
    }

    private long pendingAnnouncements() {
        return jdbc.sql("select count(*) from account_erasure_announcement").query(Long.class).single();
    }

    private static String newPhone() {
        return "+55119%08d".formatted(71_000_000 + phones.incrementAndGet());
    }
}
