package dev.wareg.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.testsupport.FakeGraphApi.GraphError;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Meta's rules for a message body, each as the answer Meta gives: accepted (null) or the error. */
class GraphMessageRulesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aTextWithoutATypeIsATextAsMetaDefaults() {
        assertThat(refusal("""
                {"messaging_product": "whatsapp", "to": "5511987654321", "text": {"body": "oi"}}""")).isNull();
    }

    @Test
    void lengthsAreCountedInCharactersSoAnEmojiIsOne() {
        String twentyEmoji = "👍".repeat(20);

        assertThat(refusal(buttons(twentyEmoji))).isNull();
        assertThat(refusal(buttons(twentyEmoji + "!")).details()).startsWith("Button title length invalid");
    }

    @Test
    void aMissingParameterIsCode100NamedAsGraphNamesIt() {
        GraphError error = refusal("""
                {"messaging_product": "whatsapp", "to": "5511987654321", "type": "text", "text": {}}""");

        assertThat(error.code()).isEqualTo(100);
        assertThat(error.message()).isEqualTo("(#100) The parameter text['body'] is required.");
        assertThat(error.details()).isNull();
    }

    @Test
    void theMessagingProductIsRequiredAndMustBeWhatsapp() {
        assertThat(refusal("""
                {"to": "5511987654321", "text": {"body": "oi"}}""").message())
                .isEqualTo("(#100) The parameter messaging_product is required.");
        assertThat(refusal("""
                {"messaging_product": "sms", "to": "5511987654321", "text": {"body": "oi"}}""").message())
                .isEqualTo("(#100) Param messaging_product must be one of {WHATSAPP} - got \"sms\".");
    }

    @Test
    void aTextBodyIsOneTo4096Characters() {
        assertThat(refusal(text("a".repeat(4096)))).isNull();
        assertThat(refusal(text("a".repeat(4097))).details())
                .isEqualTo("Text body length invalid. Min length: 1, Max length: 4096");
        assertThat(refusal(text("")).code()).isEqualTo(131009);
    }

    @Test
    void aRecipientIsAPhoneInDigitsOrABusinessScopedUserIdButNotBoth() {
        assertThat(refusal("""
                {"messaging_product": "whatsapp", "to": "(11) 98765-4321", "text": {"body": "oi"}}""").details())
                .isEqualTo("Recipient phone number is not valid");
        assertThat(refusal("""
                {"messaging_product": "whatsapp", "to": "5511987654321", "recipient": "BR.1234567890abcdef",
                 "text": {"body": "oi"}}""").details()).isEqualTo("Only one of to and recipient may be given");
        assertThat(refusal("""
                {"messaging_product": "whatsapp", "text": {"body": "oi"}}""").message())
                .isEqualTo("(#100) The parameter to is required.");
    }

    @Test
    void aRepeatedButtonTitleIsRefused() {
        assertThat(refusal(buttons("Sim", "Sim")).details()).isEqualTo("Button title is not unique");
    }

    @Test
    void listSectionsNeedTitlesWhenThereAreSeveralAndRowIdsAreUniqueAcrossThem() {
        String untitled = list("""
                [{"rows": [{"id": "a", "title": "A"}]}, {"title": "Outros", "rows": [{"id": "b", "title": "B"}]}]""");
        String repeatedId = list("""
                [{"title": "Um", "rows": [{"id": "a", "title": "A"}]},
                 {"title": "Dois", "rows": [{"id": "a", "title": "B"}]}]""");
        String oneUntitled = list("""
                [{"rows": [{"id": "a", "title": "A", "description": "%s"}]}]""".formatted("d".repeat(72)));

        assertThat(refusal(untitled).details())
                .isEqualTo("Section title is required when there is more than one section");
        assertThat(refusal(repeatedId).details()).isEqualTo("Row id is not unique");
        assertThat(refusal(oneUntitled)).isNull();
        assertThat(refusal(oneUntitled.replace("d".repeat(72), "d".repeat(73))).details())
                .isEqualTo("Row description length invalid. Max length: 72");
    }

    @Test
    void aListButtonIsOneTo20CharactersAndItsHeaderIsText() {
        String sections = """
                [{"rows": [{"id": "a", "title": "A"}]}]""";

        assertThat(refusal(list(sections).replace("\"Escolher\"", "\"" + "e".repeat(21) + "\"")).details())
                .isEqualTo("Action button length invalid. Min length: 1, Max length: 20");
        assertThat(refusal(list(sections).replace("\"type\": \"list\"",
                "\"type\": \"list\", \"header\": {\"type\": \"image\", \"image\": {\"id\": \"1\"}}")).details())
                .isEqualTo("Header type invalid. Allowed types: text");
    }

    @Test
    void mediaAndOtherTypesNeedOnlyTheObjectTheirTypeNames() {
        assertThat(refusal("""
                {"messaging_product": "whatsapp", "to": "5511987654321", "type": "image",
                 "image": {"link": "https://example.com/a.jpg"}}""")).isNull();
        assertThat(refusal("""
                {"messaging_product": "whatsapp", "to": "5511987654321", "type": "image"}""").message())
                .isEqualTo("(#100) The parameter image is required.");
        assertThat(refusal("""
                {"messaging_product": "whatsapp", "to": "5511987654321", "type": "fax", "fax": {}}""").code())
                .isEqualTo(100);
    }

    @Test
    void aReadReceiptMayShowTheTypingIndicator() {
        assertThat(refusal("""
                {"messaging_product": "whatsapp", "status": "read", "message_id": "wamid.1",
                 "typing_indicator": {"type": "text"}}""")).isNull();
        assertThat(refusal("""
                {"messaging_product": "whatsapp", "status": "delivered", "message_id": "wamid.1"}""").code())
                .isEqualTo(100);
    }

    private static GraphError refusal(String body) {
        return GraphMessageRules.refusal(JSON.readTree(body));
    }

    private static String text(String body) {
        return """
                {"messaging_product": "whatsapp", "to": "+5511987654321", "type": "text", "text": {"body": "%s"}}"""
                .formatted(body);
    }

    private static String buttons(String... titles) {
        var buttons = new StringBuilder();
        for (int i = 0; i < titles.length; i++) {
            buttons.append(i == 0 ? "" : ",").append("""
                    {"type": "reply", "reply": {"id": "b%d", "title": "%s"}}""".formatted(i, titles[i]));
        }
        return """
                {"messaging_product": "whatsapp", "to": "5511987654321", "type": "interactive",
                 "interactive": {"type": "button", "body": {"text": "Confirma?"}, "action": {"buttons": [%s]}}}"""
                .formatted(buttons);
    }

    private static String list(String sections) {
        return """
                {"messaging_product": "whatsapp", "to": "5511987654321", "type": "interactive",
                 "interactive": {"type": "list", "body": {"text": "Qual?"},
                                 "action": {"button": "Escolher", "sections": %s}}}""".formatted(sections);
    }
}
