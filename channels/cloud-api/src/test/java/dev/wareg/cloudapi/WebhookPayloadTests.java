package dev.wareg.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.cloudapi.WebhookPayload.InboundMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What the bot reads from each of Meta's message shapes (fixtures written from Meta's payload examples). */
class WebhookPayloadTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static WebhookPayload parse(String fixture) {
        return WebhookPayload.from(JSON.readTree(Webhooks.fixture(fixture)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            text         | wamid.TEXT1   | quero mudar meu e-mail
            button-reply | wamid.BUTTON1 | Sim
            list-reply   | wamid.LIST1   | E-mail
            button       | wamid.QUICK1  | Confirmar
            location     | wamid.LOC1    | [location]
            image        | wamid.IMG1    | ''
            reaction     | wamid.REACT1  | ''
            unsupported  | wamid.UNSUP1  | ''
            """)
    void readsOneMessageFromTheSenderAsE164(String fixture, String id, String text) {
        assertThat(parse(fixture).messages())
                .containsExactly(new InboundMessage(id, "+5511987654321", text));
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
    void readsEveryMessageOfEveryChangeOfEveryEntryInOrder() {
        assertThat(parse("batch").messages()).containsExactly(
                new InboundMessage("wamid.B1", "+5511900000001", "um"),
                new InboundMessage("wamid.B2", "+5511900000002", "dois"),
                new InboundMessage("wamid.B3", "+5511900000003", "Sim"),
                new InboundMessage("wamid.B4", "+5511900000004", "quatro"),
                new InboundMessage("wamid.B5", "+5511900000005", ""),
                new InboundMessage("wamid.B6", "+5511900000006", "Não"));
    }

    @Test
    void readsStatusesWithoutMessages() {
        var payload = parse("statuses-only");
        assertThat(payload.messages()).isEmpty();
        assertThat(payload.statuses()).containsExactly("sent", "delivered", "read", "failed");
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
