package dev.wareg.whatsappweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wareg.contracts.AccountErased;
import dev.wareg.platform.messaging.PermanentFailure;
import dev.wareg.testsupport.FakeWhatsAppWebSidecar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * On {@code AccountErased} the channel asks the sidecar to forget the person, against {@link FakeWhatsAppWebSidecar}
 * over HTTP: the body is the contract's erasure fixture, and a sidecar that cannot take it makes the bus retry or
 * dead-letter the event.
 */
class ErasuresIntegrationTests {

    private static final String SECRET = "the-shared-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-11-25T18:30:00Z");

    private final FakeWhatsAppWebSidecar sidecar = FakeWhatsAppWebSidecar.start(SECRET);

    @AfterEach
    void stop() {
        sidecar.close();
    }

    private Erasures erasures(String secret) {
        var properties = new WhatsAppWebProperties(secret, sidecar.baseUrl(), DataSize.ofMegabytes(1),
                WhatsAppWebProperties.Dedupe.MEMORY, Duration.ofDays(7), Duration.ofSeconds(2), Duration.ofSeconds(1),
                new WhatsAppWebProperties.Retry(4, Duration.ofMillis(500), Duration.ofSeconds(8),
                        Duration.ofSeconds(30)));
        return new Erasures(null, new SidecarClient(RestClient.builder(), properties, JSON, Clock.systemUTC()));
    }

    private static AccountErased erased(UUID eventId, String channel, String conversationId) {
        return new AccountErased(eventId, NOW, null, UUID.randomUUID(), "+5511987654321", channel, conversationId);
    }

    @Test
    void anErasureAskedByALidSenderOnThisChannelIsTheContractsFixture() throws Exception {
        erasures(SECRET).forget(erased(UUID.fromString("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60"), "whatsapp-web",
                "208420593053874@lid"));

        assertThat(sidecar.erasures()).singleElement().satisfies(call -> {
            assertThat(call.status()).isEqualTo(200);
            assertThat(call.body()).isEqualTo(JSON.readTree(Fixtures.erasure("phone-and-lid")));
        });
    }

    @Test
    void anyOtherErasureNamesThePhonesFormsOnly() throws Exception {
        erasures(SECRET).forget(erased(UUID.randomUUID(), null, null));
        erasures(SECRET).forget(erased(UUID.randomUUID(), "web-chat", "0b1c2d3e"));
        erasures(SECRET).forget(erased(UUID.randomUUID(), "whatsapp-web", "+5511987654321"));

        assertThat(sidecar.erasures()).allSatisfy(call -> assertThat(call.body().path("senders").valueStream()
                .map(tools.jackson.databind.JsonNode::asString)).containsExactly("+5511987654321", "+551187654321"));
    }

    @Test
    void theLidsOfThisChannelLinkedToTheAccountAreNamedToo() throws Exception {
        erasures(SECRET).forget(new AccountErased(UUID.randomUUID(), NOW, null, UUID.randomUUID(), "+5511987654321",
                null, null, List.of("whatsapp-web:208420593053874@lid", "cloud-api:BR.1234567890abcdef")));

        assertThat(sidecar.erasures()).singleElement().satisfies(call -> assertThat(call.body().path("senders")
                .valueStream().map(tools.jackson.databind.JsonNode::asString))
                .containsExactly("+5511987654321", "+551187654321", "208420593053874@lid"));
    }

    @Test
    void aSidecarThatIsDownMakesTheBusRetry() {
        sidecar.failNext(503);

        assertThatThrownBy(() -> erasures(SECRET).forget(erased(UUID.randomUUID(), null, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sidecar-unavailable (503)")
                .hasMessageNotContaining("5511");
    }

    @Test
    void aSecretTheSidecarDoesNotShareIsADeadLetterAtOnce() {
        assertThatThrownBy(() -> erasures("another-secret").forget(erased(UUID.randomUUID(), null, null)))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("sidecar-signature-refused (401)");
        assertThat(sidecar.erasures()).singleElement().extracting(FakeWhatsAppWebSidecar.Call::status)
                .isEqualTo(401);
    }
}
