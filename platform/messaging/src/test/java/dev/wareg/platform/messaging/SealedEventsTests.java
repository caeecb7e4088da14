package dev.wareg.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.wareg.contracts.AccountErased;
import dev.wareg.contracts.AccountErasureRequested;
import dev.wareg.contracts.FieldChange;
import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.contracts.MessageReceived;
import dev.wareg.contracts.RegistrationUpdateRequested;
import dev.wareg.contracts.SendMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Crypto-shredding: the data of an event about a person travels sealed under the person's key, and once an erasure
 * destroyed the key no copy of the event opens again, wherever it was kept.
 */
class SealedEventsTests {

    private static final Instant AT = Instant.parse("2026-12-07T10:15:30Z");
    private static final UUID ACCOUNT = UUID.fromString("0193a3c4-1f2e-7a00-8000-0000000000aa");
    private static final String PHONE = "+5531987776655";
    private static final TraceContext TRACE =
            new TraceContext("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", null);

    private final InMemoryPersonKeys keys = new InMemoryPersonKeys();
    private final EventCodec codec = new EventCodec(keys);
    private final JsonMapper json = JsonMapper.builder().build();

    static List<IntegrationEvent> aboutThePerson() {
        return List.of(
                new MessageReceived(UUID.randomUUID(), AT, "web-chat", "m1", PHONE, "meu email é lia.souto@example.org", true),
                new SendMessage(UUID.randomUUID(), AT, "cloud-api", "553187776655", "Lia, confirma?", null),
                new RegistrationUpdateRequested(UUID.randomUUID(), AT, ACCOUNT, PHONE,
                        Map.of("email", new FieldChange("lia@example.org", "lia.souto@example.org")), 3L, "web-chat", PHONE));
    }

    @ParameterizedTest
    @MethodSource("aboutThePerson")
    void anEventAboutAPersonTravelsSealedAndOpensWhileTheKeyLives(IntegrationEvent event) {
        byte[] bytes = codec.encode(event, TRACE);
        String wire = new String(bytes, StandardCharsets.UTF_8);

        assertThat(wire).doesNotContain("lia").doesNotContain("8777").doesNotContain("confirma")
                .doesNotContain("\"data\":{");
        assertThat(codec.decode(bytes).event()).isEqualTo(event);
        assertThat(codec.decode(bytes).trace()).isEqualTo(TRACE);
        assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(getClass().getResourceAsStream("/dev/wareg/contracts/schema/"
                        + EventCodec.typeOf(event.getClass()) + ".v1.schema.json"), InputFormat.JSON)
                .validate(wire, InputFormat.JSON)).isEmpty();
    }

    @Test
    void everyFormOfTheSamePhoneOnEveryChannelIsOnePersonWithOneKey() {
        aboutThePerson().forEach(event -> codec.encode(event, TRACE));
        codec.encode(new MessageReceived(UUID.randomUUID(), AT, "whatsapp-web", "m2", "553187776655:12@s.whatsapp.net",
                "oi", true), TRACE);

        assertThat(keys.size()).isEqualTo(1);
    }

    @Test
    void encodingTheErasureDestroysTheKeySoNoEarlierCopyOpensAndLaterEventsGetANewKey() {
        byte[] before = codec.encode(aboutThePerson().getFirst(), TRACE);
        byte[] otherPerson = codec.encode(new SendMessage(UUID.randomUUID(), AT, "web-chat", "+5511912345678",
                "Olá", null), TRACE);

        byte[] erased = codec.encode(new AccountErased(UUID.randomUUID(), AT, null, ACCOUNT, PHONE, "web-chat", PHONE),
                TRACE);

        assertThatThrownBy(() -> codec.decode(before)).isInstanceOf(EventCodec.ForgottenEvent.class)
                .message().doesNotContain("lia").doesNotContain(PHONE);
        assertThat(codec.decode(erased).event()).isInstanceOf(AccountErased.class);
        assertThat(codec.decode(otherPerson).event()).isInstanceOf(SendMessage.class);
        var farewell = new SendMessage(UUID.randomUUID(), AT, "web-chat", PHONE, "Pronto, seus dados foram apagados.",
                null);
        assertThat(codec.decode(codec.encode(farewell, TRACE)).event()).isEqualTo(farewell);
    }

    @Test
    void anEventWhoseKeyWasLostRatherThanDestroyedIsUnreadableNotForgotten() {
        byte[] sealed = codec.encode(aboutThePerson().getFirst(), TRACE);

        keys.wipe();

        assertThatThrownBy(() -> codec.decode(sealed)).isInstanceOf(EventCodec.UnreadableEvent.class)
                .isNotInstanceOf(EventCodec.ForgottenEvent.class)
                .hasMessageContaining("does not hold");
    }

    @Test
    void theErasureAndItsRequestTravelUnsealedSoThatEveryHolderCanStillReadThem() {
        String erased = new String(codec.encode(new AccountErased(UUID.randomUUID(), AT, null, ACCOUNT, PHONE, null,
                null, List.of("cloud-api:BR.1234567890abcdef")), TRACE), StandardCharsets.UTF_8);
        String request = new String(codec.encode(new AccountErasureRequested(UUID.randomUUID(), AT, ACCOUNT,
                "web-chat", PHONE), TRACE), StandardCharsets.UTF_8);

        assertThat(erased).contains("\"data\":{").doesNotContain("sealed");
        assertThat(request).contains("\"data\":{").doesNotContain("sealed");
    }

    @Test
    void theErasureDestroysTheKeysOfTheLinkedSenderIdsAndTheNumberWithoutItsNinthDigit() {
        byte[] bsuid = codec.encode(new MessageReceived(UUID.randomUUID(), AT, "cloud-api", "m3", "BR.1234567890abcdef",
                "oi", true), TRACE);
        byte[] withoutNinth = codec.encode(new MessageReceived(UUID.randomUUID(), AT, "cloud-api", "m4", "553187776655",
                "oi", true), TRACE);

        codec.encode(new AccountErased(UUID.randomUUID(), AT, null, ACCOUNT, PHONE, null, null,
                List.of("cloud-api:BR.1234567890abcdef")), TRACE);

        assertThat(keys.size()).isZero();
        assertThatThrownBy(() -> codec.decode(bsuid)).isInstanceOf(EventCodec.ForgottenEvent.class);
        assertThatThrownBy(() -> codec.decode(withoutNinth)).isInstanceOf(EventCodec.ForgottenEvent.class);
    }

    @Test
    void sealedDataMovedToAnotherEventOrAlteredDoesNotOpen() {
        ObjectNode first = (ObjectNode) json.readTree(codec.encode(aboutThePerson().getFirst(), TRACE));
        ObjectNode moved = first.deepCopy().put("eventId", UUID.randomUUID().toString());
        ObjectNode altered = first.deepCopy();
        String box = altered.get("sealed").get("data").asString();
        ((ObjectNode) altered.get("sealed")).put("data", box.substring(0, 20) + (box.charAt(20) == 'A' ? 'B' : 'A')
                + box.substring(21));

        for (ObjectNode envelope : List.of(moved, altered)) {
            assertThatThrownBy(() -> codec.decode(json.writeValueAsBytes(envelope)))
                    .isInstanceOf(EventCodec.UnreadableEvent.class)
                    .isNotInstanceOf(EventCodec.ForgottenEvent.class);
        }
    }

    @Test
    void aReaderWithoutKeysRefusesASealedEventAsUnreadableNotAsForgottenAndStillReadsUnsealedOnes() {
        var withoutKeys = new EventCodec();
        IntegrationEvent event = aboutThePerson().getFirst();

        assertThatThrownBy(() -> withoutKeys.decode(codec.encode(event, TRACE)))
                .isInstanceOf(EventCodec.UnreadableEvent.class)
                .isNotInstanceOf(EventCodec.ForgottenEvent.class)
                .hasMessageContaining("no person keys");
        assertThat(codec.decode(withoutKeys.encode(event, TRACE)).event()).isEqualTo(event);
    }

    @Test
    void theErasedPersonIsRecognisedInASealedEnvelopeByItsSubject() {
        var envelope = json.readTree(codec.encode(aboutThePerson().get(1), TRACE));
        var erased = ErasedPerson.of(new AccountErased(UUID.randomUUID(), AT, null, ACCOUNT, PHONE, null, null));
        var someoneElse = ErasedPerson.of(new AccountErased(UUID.randomUUID(), AT, null, UUID.randomUUID(),
                "+5511912345678", null, null));

        assertThat(erased.isNamedIn(envelope)).isTrue();
        assertThat(someoneElse.isNamedIn(envelope)).isFalse();
    }
}
