package dev.wareg.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.wareg.contracts.AccountErased;
import dev.wareg.contracts.AccountErasureRequested;
import dev.wareg.contracts.FieldChange;
import dev.wareg.contracts.HandoffRequested;
import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.contracts.MessageReceived;
import dev.wareg.contracts.RegistrationUpdateApplied;
import dev.wareg.contracts.RegistrationUpdateRejected;
import dev.wareg.contracts.RegistrationUpdateRequested;
import dev.wareg.contracts.SendEmail;
import dev.wareg.contracts.SendMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every event on the wire: it round-trips, it is what its committed JSON Schema says, and what version 1 producers
 * wrote (the documents under {@code v1/}) still reads. Those documents are frozen: a change that breaks one of
 * them is an incompatible change and needs a new version.
 */
class EventCodecTests {

    private static final Instant AT = Instant.parse("2026-11-25T10:15:30Z");
    private static final UUID ACCOUNT = UUID.fromString("0193a3c4-1f2e-7a00-8000-0000000000aa");
    private static final UUID REQUEST = UUID.fromString("0193a3c4-1f2e-7a00-8000-000000000003");
    private static final String PHONE = "+5511987654321";
    private static final TraceContext TRACE =
            new TraceContext("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "wareg=1");

    private static final MessageReceived.Location MASP = new MessageReceived.Location(-23.5614, -46.6559, "MASP",
            "Av. Paulista, 1578 - Bela Vista, São Paulo - SP, 01310-200");

    private final EventCodec codec = new EventCodec();

    static Stream<IntegrationEvent> everyType() {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        changes.put("email", new FieldChange("ana@example.com", "ana.silva@example.com"));
        changes.put("address.complement", new FieldChange("apto 12", null));
        return Stream.of(
                new MessageReceived(id(1), AT, "web-chat", "wamid.1", PHONE, "quero mudar meu e-mail 📧", true),
                new MessageReceived(id(9), AT, "cloud-api", "wamid.2", PHONE, "", MASP, true),
                new MessageReceived(id(10), AT, "cloud-api", "wamid.3", PHONE, "",
                        new MessageReceived.Location(-23.55, -46.63, null, null), true),
                new SendMessage(id(2), AT, "cloud-api", PHONE, "Confirma?",
                        List.of(new SendMessage.Button("confirm", "Confirmar")), "pt-BR"),
                new SendMessage(id(3), AT, "web-chat", PHONE, "Olá!", null),
                new RegistrationUpdateRequested(id(4), AT, ACCOUNT, PHONE, changes, 3L, "web-chat", PHONE),
                new RegistrationUpdateRequested(id(5), AT, null, PHONE, changes, null, "whatsapp-web", PHONE),
                new RegistrationUpdateApplied(id(6), AT, REQUEST, ACCOUNT, 4, "web-chat", PHONE),
                new RegistrationUpdateRejected(id(7), AT, REQUEST,
                        RegistrationUpdateRejected.ReasonCode.UNAVAILABLE, null, "web-chat", PHONE),
                new HandoffRequested(id(8), AT, "web-chat", PHONE, "en"),
                new AccountErasureRequested(id(11), AT, ACCOUNT, "cloud-api", PHONE),
                new AccountErased(id(12), AT, id(11), ACCOUNT, PHONE, "cloud-api", PHONE),
                new AccountErased(id(13), AT, null, ACCOUNT, PHONE, null, null),
                new AccountErased(id(15), AT, null, ACCOUNT, PHONE, null, null,
                        List.of("cloud-api:BR.1234567890abcdef", "whatsapp-web:208420593053874@lid")),
                new SendEmail(id(14), AT, "ana@example.com", "Seu código", "Seu código é 123456.", "pt-BR",
                        "web-chat", PHONE));
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void anEventRoundTripsWithItsTraceContext(IntegrationEvent event) {
        EventCodec.Decoded decoded = codec.decode(codec.encode(event, TRACE));

        assertThat(decoded.event()).isEqualTo(event);
        assertThat(decoded.trace()).isEqualTo(TRACE);
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void anEncodedEventIsValidAgainstItsSchema(IntegrationEvent event) {
        String json = new String(codec.encode(event, TRACE), StandardCharsets.UTF_8);

        assertThat(schemaOf(EventCodec.typeOf(event.getClass())).validate(json, InputFormat.JSON)).isEmpty();
        assertThat(json).doesNotContain("registration").doesNotContain("orderingKey");
    }

    @ParameterizedTest
    @MethodSource("versionOneDocuments")
    void whatVersionOneProducersWroteStillReadsAndMatchesItsSchema(String type) {
        String json = resource("v1/" + type + ".json");

        EventCodec.Decoded decoded = codec.decode(json.getBytes(StandardCharsets.UTF_8));

        assertThat(schemaOf(type).validate(json, InputFormat.JSON)).isEmpty();
        assertThat(EventCodec.typeOf(decoded.event().getClass())).isEqualTo(type);
        assertThat(decoded.event().eventId().toString()).startsWith("0193a3c4-1f2e-7a00-8000-00000000000");
    }

    static Stream<String> versionOneDocuments() {
        return Stream.of("MessageReceived", "SendMessage", "RegistrationUpdateRequested",
                "RegistrationUpdateApplied", "RegistrationUpdateRejected", "HandoffRequested");
    }

    @Test
    void aVersionOneDocumentReadsIntoTheRecordWithEveryValue() {
        var decoded = codec.decode(resource("v1/RegistrationUpdateRequested.json").getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.event()).isEqualTo(new RegistrationUpdateRequested(REQUEST,
                Instant.parse("2026-11-25T10:15:40Z"), ACCOUNT, PHONE,
                Map.of("email", new FieldChange("ana@example.com", "ana.silva@example.com")), 3L, "web-chat",
                PHONE));
        assertThat(decoded.trace()).isEqualTo(TraceContext.NONE);
    }

    /**
     * Written before locations and the proven sender existed: it reads without a location, and its sender as
     * unproven, so a channel not yet updated can never vouch for a sender by leaving the member out.
     */
    @Test
    void aMessageWrittenBeforeLocationsExistedReadsWithoutOneAndWithAnUnprovenSender() {
        var decoded = codec.decode(resource("v1/MessageReceived.json").getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.event()).isEqualTo(new MessageReceived(id(1), AT, "web-chat", "wamid.1", PHONE,
                "quero mudar meu e-mail", null, false));
    }

    /**
     * The location was added to version 1 as an optional member rather than as a version 2: a reader built before
     * it refuses nothing (it would refuse a version 2 of every message, located or not, while a deployment rolls)
     * and reads a located message as one without text.
     */
    @Test
    void aLocatedMessageIsVersionOneAndReadsWithItsLocation() {
        String json = resource("v1/MessageReceived-with-location.json");

        var decoded = codec.decode(json.getBytes(StandardCharsets.UTF_8));

        assertThat(schemaOf("MessageReceived").validate(json, InputFormat.JSON)).isEmpty();
        assertThat(decoded.event()).isEqualTo(new MessageReceived(id(9), Instant.parse("2026-11-25T10:15:35Z"),
                "cloud-api", "wamid.LOC1", PHONE, "", MASP, false));
        assertThat(new String(codec.encode(decoded.event(), TraceContext.NONE), StandardCharsets.UTF_8))
                .contains("\"version\":1");
    }

    @Test
    void aReaderThatDoesNotKnowLocationsReadsALocatedMessageAsOneWithoutText() {
        // What EventCodec of before the location did: the record's members from `data`, unknown ones ignored.
        JsonNode data = JsonMapper.builder().build()
                .readTree(resource("v1/MessageReceived-with-location.json")).get("data");
        var before = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                .treeToValue(data, MessageReceivedBeforeLocations.class);

        assertThat(before).isEqualTo(new MessageReceivedBeforeLocations("cloud-api", "wamid.LOC1", PHONE, ""));
    }

    /** The members of {@link MessageReceived}'s data as version 1 had them before the location. */
    record MessageReceivedBeforeLocations(String channel, String channelMessageId, String sender, String text) {
    }

    @Test
    void coordinatesOutOfRangeAreNoLocation() {
        String json = resource("v1/MessageReceived-with-location.json").replace("-23.5614", "-123.5614");

        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventCodec.UnreadableEvent.class)
                .message().doesNotContain("123.5614").doesNotContain("Paulista");
    }

    @Test
    void membersAReaderDoesNotKnowAreIgnoredAndMissingOptionalOnesTakeTheirDefaults() {
        String json = """
                {"eventId":"0193a3c4-1f2e-7a00-8000-000000000002","type":"SendMessage","version":1,
                 "occurredAt":"2026-11-25T10:15:31Z","addedLater":true,
                 "data":{"channel":"web-chat","recipient":"+5511987654321","text":"Oi","priority":"high"}}""";

        var event = (SendMessage) codec.decode(json.getBytes(StandardCharsets.UTF_8)).event();

        assertThat(event.text()).isEqualTo("Oi");
        assertThat(event.buttons()).isEmpty();
        assertThat(event.language()).isNull();
    }

    @Test
    void aVersionNewerThanTheReadersIsRefused() {
        String json = resource("v1/HandoffRequested.json").replace("\"version\":1", "\"version\":2");

        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventCodec.UnreadableEvent.class)
                .hasMessageContaining("version 2");
    }

    @Test
    void unknownTypesMalformedJsonAndInvalidRecordsAreUnreadableWithoutQuotingTheContent() {
        Stream.of("{\"type\":\"AccountDeleted\",\"data\":{}}", "{not json", "[]",
                        resource("v1/MessageReceived.json").replace("\"sender\":\"+5511987654321\",", ""),
                        resource("v1/MessageReceived.json").replace("2026-11-25T10:15:30Z", "yesterday"))
                .forEach(json -> assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                        .isInstanceOf(EventCodec.UnreadableEvent.class)
                        .message().doesNotContain("+5511987654321").doesNotContain("quero"));
    }

    private static Schema schemaOf(String type) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(EventCodecTests.class.getResourceAsStream(
                        "/dev/wareg/contracts/schema/" + type + ".v1.schema.json"), InputFormat.JSON);
    }

    private static String resource(String name) {
        try (InputStream in = EventCodecTests.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UUID id(int n) {
        return UUID.fromString("0193a3c4-1f2e-7a00-8000-%012d".formatted(n));
    }
}
