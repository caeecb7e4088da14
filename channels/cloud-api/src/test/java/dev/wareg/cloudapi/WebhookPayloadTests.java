package dev.wareg.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.cloudapi.WebhookPayload.InboundMessage;
import dev.wareg.cloudapi.WebhookPayload.Status;
import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.contracts.MessageReceived;
import dev.wareg.contracts.MessageReceived.Location;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.EventHandler;
import dev.wareg.platform.messaging.InMemoryChannelMessageIds;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the bot reads from each of Meta's message shapes (fixtures written from Meta's payload examples), and what of
 * it reaches the bus.
 */
class WebhookPayloadTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    /** The fixture's delivery, its messages and statuses without when they were sent (read on their own below). */
    private static WebhookPayload parse(String fixture) {
        WebhookPayload payload = WebhookPayload.from(JSON.readTree(Webhooks.fixture(fixture)));
        return new WebhookPayload(payload.messages().stream().map(message -> new InboundMessage(message.id(),
                message.sender(), message.text(), message.location(), message.media())).toList(),
                payload.statuses().stream().map(status -> new Status(status.status(), status.errorCode())).toList());
    }

    @Test
    void whenAMessageWasSentIsMetasTimestampInUnixSeconds() {
        var payload = WebhookPayload.from(JSON.readTree(message("text",
                "\"timestamp\":\"1764936000\",\"text\":{\"body\":\"oi\"}")));

        assertThat(payload.messages()).singleElement().extracting(InboundMessage::sentAt)
                .isEqualTo(Instant.parse("2025-12-05T12:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            text         | wamid.TEXT1   | quero mudar meu e-mail
            button-reply | wamid.BUTTON1 | Sim
            list-reply   | wamid.LIST1   | E-mail
            button       | wamid.QUICK1  | Confirmar
            unsupported  | wamid.UNSUP1  | ''
            """)
    void readsOneMessageFromTheSenderAsE164(String fixture, String id, String text) {
        assertThat(parse(fixture).messages())
                .containsExactly(new InboundMessage(id, "+5511987654321", text));
    }

    /**
     * Meta gives many Brazilian mobiles registered before the ninth digit without it ({@code wa_id} 553188887777):
     * the channel passes the sender on as Meta names it, so replies reach that WhatsApp account, and the chat finds
     * the account by the canonical number (+5531988887777).
     */
    @Test
    void aBrazilianMobileWithoutItsNinthDigitIsPassedOnAsMetaNamesIt() {
        assertThat(parse("ninth-digit").messages())
                .containsExactly(new InboundMessage("wamid.OLD9", "+553188887777", "oi"));
    }

    /** Media is no text, but the chat is told what it was, so that a voice note is answered as one. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            image        | wamid.IMG1    | image
            voice        | wamid.VOICE1  | audio
            reaction     | wamid.REACT1  | reaction
            """)
    void mediaIsReadAsNoTextAndNamed(String fixture, String id, String media) {
        assertThat(parse(fixture).messages())
                .containsExactly(new InboundMessage(id, "+5511987654321", "", null, media));
    }

    @Test
    void aPlaceIsReadAsItsCoordinatesNameAndAddressWithoutText() {
        assertThat(parse("location").messages()).containsExactly(new InboundMessage("wamid.LOC1", "+5511987654321",
                "", new Location(-23.5614, -46.6559, "MASP",
                        "Av. Paulista, 1578 - Bela Vista, São Paulo - SP, 01310-200")));
    }

    @Test
    void aDroppedPinHasOnlyItsCoordinates() {
        assertThat(parse("location-pin").messages()).containsExactly(new InboundMessage("wamid.PIN1",
                "+5511987654321", "", new Location(-23.5505, -46.6333, null, null)));
    }

    @Test
    void aLocationIsPublishedInItsMessageReceived() {
        var published = new ArrayList<IntegrationEvent>();
        var inbound = inbound(published, new SimpleMeterRegistry());

        inbound.receive(parse("location"));

        assertThat(published).containsExactly(new MessageReceived(InboundMessages.eventId("wamid.LOC1"),
                CLOCK.instant(), "cloud-api", "wamid.LOC1", "+5511987654321", "",
                parse("location").messages().getFirst().location(), true));
    }

    @Test
    void aPlaceWithANameButNoAddressKeepsTheName() {
        assertThat(location("{\"latitude\":-23.5505,\"longitude\":-46.6333,\"name\":\"Praça da Sé\",\"address\":\"  \"}"))
                .isEqualTo(new Location(-23.5505, -46.6333, "Praça da Sé", null));
    }

    @Test
    void coordinatesWrittenAsStringsAreRead() {
        assertThat(location("{\"latitude\":\"-23.5505\",\"longitude\":\"-46.6333\"}"))
                .isEqualTo(new Location(-23.5505, -46.6333, null, null));
    }

    // Missing, unreadable or impossible coordinates: still a message (answered as one without text), never a
    // refused delivery, which Meta would retry for days.
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"name\":\"MASP\",\"address\":\"Av. Paulista, 1578\"}",
            "{\"latitude\":\"north\",\"longitude\":-46.6333}",
            "{\"latitude\":-123.5,\"longitude\":-46.6333}",
            "{\"latitude\":-23.5505,\"longitude\":190}",
            "{\"latitude\":\"NaN\",\"longitude\":-46.6333}"})
    void aLocationWithoutUsableCoordinatesIsAMessageWithoutLocation(String location) {
        var payload = WebhookPayload.from(JSON.readTree(message("location", "\"location\":" + location)));

        assertThat(payload.messages()).containsExactly(new InboundMessage("wamid.X", "+5511987654321", "", null));
    }

    @Test
    void onlyALocationMessageHasALocation() {
        var payload = WebhookPayload.from(JSON.readTree(message("text",
                "\"text\":{\"body\":\"oi\"},\"location\":{\"latitude\":1,\"longitude\":2}")));

        assertThat(payload.messages()).containsExactly(new InboundMessage("wamid.X", "+5511987654321", "oi"));
    }

    private static Location location(String location) {
        var payload = WebhookPayload.from(JSON.readTree(message("location", "\"location\":" + location)));
        assertThat(payload.messages()).hasSize(1);
        return payload.messages().getFirst().location();
    }

    @Test
    void aMessageSentBeforeItsIdWouldBeRememberedIsDroppedAndCounted() {
        var published = new ArrayList<IntegrationEvent>();
        var registry = new SimpleMeterRegistry();
        var inbound = inbound(published, registry);
        long eightDaysAgo = CLOCK.instant().minus(Duration.ofDays(8)).getEpochSecond();
        long sixDaysAgo = CLOCK.instant().minus(Duration.ofDays(6)).getEpochSecond();

        inbound.receive(WebhookPayload.from(JSON.readTree(message("text",
                "\"timestamp\":\"" + eightDaysAgo + "\",\"text\":{\"body\":\"replayed\"}"))));
        inbound.receive(WebhookPayload.from(JSON.readTree(message("text",
                "\"timestamp\":\"" + sixDaysAgo + "\",\"text\":{\"body\":\"late\"}"))));

        assertThat(published).extracting(event -> ((MessageReceived) event).text()).containsExactly("late");
        assertThat(registry.counter("wareg.cloud_api.messages.stale").count()).isEqualTo(1);
    }

    @Test
    void aMessageOlderThanTheWindowIsDroppedWhileTheFreshOnesOfTheSameDeliveryArePublished() {
        var published = new ArrayList<IntegrationEvent>();
        var registry = new SimpleMeterRegistry();
        long justOver = CLOCK.instant().minus(Duration.ofDays(7)).minusSeconds(1).getEpochSecond();
        long justUnder = CLOCK.instant().minus(Duration.ofDays(7)).plusSeconds(1).getEpochSecond();
        long now = CLOCK.instant().getEpochSecond();

        inbound(published, registry).receive(WebhookPayload.from(JSON.readTree("""
                {"entry":[{"changes":[{"value":{"messages":[
                {"from":"5511987654321","id":"wamid.A","timestamp":"%d","type":"text","text":{"body":"first"}},
                {"from":"5511987654321","id":"wamid.B","timestamp":"%d","type":"text","text":{"body":"replayed"}},
                {"from":"5511987654321","id":"wamid.C","timestamp":"%d","type":"text","text":{"body":"last"}}]}}]}]}
                """.formatted(justUnder, justOver, now))));

        assertThat(published).extracting(event -> ((MessageReceived) event).text()).containsExactly("first", "last");
        assertThat(registry.counter("wareg.cloud_api.messages.stale").count()).isEqualTo(1);
        assertThat(registry.counter("wareg.cloud_api.messages.duplicate").count()).isZero();
    }

    @Test
    void aStatusOlderThanTheWindowIsCountedAsStaleNotAsWhatItSays() {
        var registry = new SimpleMeterRegistry();
        long eightDaysAgo = CLOCK.instant().minus(Duration.ofDays(8)).getEpochSecond();
        long now = CLOCK.instant().getEpochSecond();

        inbound(new ArrayList<>(), registry).receive(WebhookPayload.from(JSON.readTree("""
                {"entry":[{"changes":[{"value":{"statuses":[
                {"id":"wamid.S","status":"failed","timestamp":"%d","errors":[{"code":131026}]},
                {"id":"wamid.S","status":"read","timestamp":"%d"},
                {"id":"wamid.T","status":"read"}]}}]}]}
                """.formatted(eightDaysAgo, now))));

        assertThat(registry.counter("wareg.cloud_api.statuses.stale").count()).isEqualTo(1);
        assertThat(registry.counter("wareg.cloud_api.statuses", "status", "failed").count()).isZero();
        assertThat(registry.find("wareg.cloud_api.statuses.failed").counters()).isEmpty();
        assertThat(registry.counter("wareg.cloud_api.statuses", "status", "read").count()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"timestamp\":\"soon\"", "\"timestamp\":\"-5\"", "\"timestamp\":99999999999999",
            "\"timestamp\":\"\""})
    void aTimestampThatIsNoTimeLeavesTheMessageUndated(String timestamp) {
        var payload = WebhookPayload.from(JSON.readTree(message("text", timestamp + ",\"text\":{\"body\":\"oi\"}")));

        assertThat(payload.messages()).singleElement().extracting(InboundMessage::sentAt).isNull();
    }

    /** The channel's inbound side at {@link #CLOCK}, publishing to {@code published}. */
    private static InboundMessages inbound(List<IntegrationEvent> published, MeterRegistry registry) {
        EventBus bus = new EventBus() {
            @Override
            public void publish(IntegrationEvent event) {
                published.add(event);
            }

            @Override
            public <E extends IntegrationEvent> void subscribe(String subscriber, Class<E> type,
                    EventHandler<E> handler) {
            }
        };
        var properties = new CloudApiProperties("", "app-secret", DataSize.ofMegabytes(1),
                CloudApiProperties.Dedupe.MEMORY, Duration.ofDays(7), "wareg:cloud-api:message:");
        return new InboundMessages(bus, new InMemoryChannelMessageIds(properties.dedupeTtl(), CLOCK),
                new WebhookMetrics(registry), properties, CLOCK);
    }

    private static String message(String type, String members) {
        return """
                {"entry":[{"changes":[{"value":{"messages":[{"from":"5511987654321","id":"wamid.X",
                "type":"%s",%s}]}}]}]}
                """.formatted(type, members);
    }

    @Test
    void aButtonReplyWithoutTitleIsReadAsItsId() {
        var payload = WebhookPayload.from(JSON.readTree("""
                {"entry":[{"changes":[{"value":{"messages":[{"from":"5511987654321","id":"wamid.X",
                "type":"interactive","interactive":{"type":"button_reply","button_reply":{"id":"confirm"}}}]}}]}]}
                """));
        assertThat(payload.messages()).extracting(InboundMessage::text).containsExactly("confirm");
    }

    @Test
    void aSenderWithoutPhoneIsKnownByTheBusinessScopedUserId() {
        assertThat(parse("bsuid").messages())
                .containsExactly(new InboundMessage("wamid.BSUID1", "BR.1234567890abcdef", "oi"));
    }

    @Test
    void aSharedContactIsReadAsItsFirstPhone() {
        assertThat(parse("contacts-bsuid").messages())
                .extracting(InboundMessage::id, InboundMessage::sender, InboundMessage::text, InboundMessage::media)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("wamid.CONTACTS1", "BR.1234567890abcdef",
                        "+5511987654321", null));
    }

    @Test
    void aSharedContactWithoutWhatsAppIdIsReadAsWrittenAndOneWithoutPhoneAsItsName() {
        var payload = WebhookPayload.from(JSON.readTree("""
                {"entry":[{"changes":[{"value":{"messages":[
                {"from":"5511987654321","id":"wamid.A","type":"contacts",
                 "contacts":[{"name":{"formatted_name":"Bruno"},"phones":[{"phone":"(21) 99876-5432"}]}]},
                {"from":"5511987654321","id":"wamid.B","type":"contacts",
                 "contacts":[{"name":{"formatted_name":"Bruno Lima"}}]}]}}]}]}
                """));
        assertThat(payload.messages()).extracting(InboundMessage::text)
                .containsExactly("(21) 99876-5432", "Bruno Lima");
    }

    @Test
    void readsEveryMessageOfEveryChangeOfEveryEntryInOrder() {
        assertThat(parse("batch").messages()).containsExactly(
                new InboundMessage("wamid.B1", "+5511900000001", "um"),
                new InboundMessage("wamid.B2", "+5511900000002", "dois"),
                new InboundMessage("wamid.B3", "+5511900000003", "Sim"),
                new InboundMessage("wamid.B4", "+5511900000004", "quatro"),
                new InboundMessage("wamid.B5", "+5511900000005", "", null, "image"),
                new InboundMessage("wamid.B6", "+5511900000006", "Não"));
    }

    @Test
    void readsStatusesWithoutMessages() {
        var payload = parse("statuses-only");
        assertThat(payload.messages()).isEmpty();
        assertThat(payload.statuses()).containsExactly(new WebhookPayload.Status("sent", 0),
                new WebhookPayload.Status("delivered", 0), new WebhookPayload.Status("read", 0),
                new WebhookPayload.Status("failed", 131026));
    }

    @Test
    void toleratesShapesItDoesNotKnow() {
        assertThat(WebhookPayload.from(JSON.readTree("[1, 2]")).messages()).isEmpty();
        assertThat(WebhookPayload.from(JSON.readTree("{\"object\":\"page\",\"entry\":{}}")).messages()).isEmpty();
        // Without an id or a sender a message can be neither deduplicated nor answered.
        assertThat(WebhookPayload.from(JSON.readTree("""
                {"entry":[{"changes":[{"value":{"messages":[{"from":"5511987654321","type":"text"},
                {"id":"wamid.Y","type":"text"}]}}]}]}
                """)).messages()).isEmpty();
    }
}
