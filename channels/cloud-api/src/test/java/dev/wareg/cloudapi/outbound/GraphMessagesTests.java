package dev.wareg.cloudapi.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.cloudapi.outbound.GraphMessages.Rendered;
import dev.wareg.cloudapi.outbound.GraphMessages.Shape;
import dev.wareg.contracts.SendMessage;
import dev.wareg.contracts.SendMessage.Button;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GraphMessagesTests {

    private static final String ANA = "+5511987654321";

    @Test
    void aReplyWithoutOptionsIsTextToThePhonesDigits() {
        Rendered rendered = GraphMessages.render(message("Olá! Como posso ajudar?", List.of()));

        assertThat(rendered.shape()).isEqualTo(Shape.TEXT);
        assertThat(rendered.body()).containsEntry("messaging_product", "whatsapp").containsEntry("to", "5511987654321")
                .containsEntry("type", "text").doesNotContainKey("recipient");
        assertThat(rendered.body().get("text")).isEqualTo(Map.of("preview_url", false, "body", "Olá! Como posso ajudar?"));
    }

    @Test
    void aPersonKnownByABusinessScopedIdIsAddressedAsRecipient() {
        Rendered rendered = GraphMessages.render(new SendMessage(UUID.randomUUID(), Instant.EPOCH, "cloud-api",
                "BR.13491208655302741918", "Oi", List.of()));

        assertThat(rendered.body()).containsEntry("recipient", "BR.13491208655302741918").doesNotContainKey("to");
    }

    @Test
    void upToThreeShortOptionsAreReplyButtons() {
        Rendered rendered = GraphMessages.render(message("Confirma?", List.of(new Button("confirm", "Confirmar"),
                new Button("correct", "Corrigir"), new Button("cancel", "Cancelar"))));

        assertThat(rendered.shape()).isEqualTo(Shape.BUTTONS);
        assertThat(rendered.body()).containsEntry("type", "interactive");
        assertThat(interactive(rendered)).containsEntry("type", "button")
                .containsEntry("body", Map.of("text", "Confirma?"))
                .containsEntry("action", Map.of("buttons", List.of(
                        Map.of("type", "reply", "reply", Map.of("id", "confirm", "title", "Confirmar")),
                        Map.of("type", "reply", "reply", Map.of("id", "correct", "title", "Corrigir")),
                        Map.of("type", "reply", "reply", Map.of("id", "cancel", "title", "Cancelar")))));
    }

    @Test
    void aTitleOfTwentyCharactersFitsAButtonCountingAnEmojiAsOne() {
        String twenty = "Endereço residencial"; // 20 characters
        String emoji = "📧 E-mails de contato"; // 20 characters, the emoji being two UTF-16 units

        Rendered rendered = GraphMessages.render(message("O que mudar?",
                List.of(new Button("address", twenty), new Button("email", emoji))));

        assertThat(twenty.codePointCount(0, twenty.length())).isEqualTo(20);
        assertThat(emoji).hasSize(21);
        assertThat(rendered.shape()).isEqualTo(Shape.BUTTONS);
    }

    @Test
    void fourOptionsOrALongTitleBecomeAListWithAMenuLabelInTheRepliesLanguage() {
        List<Button> four = IntStream.rangeClosed(1, 4).mapToObj(i -> new Button("o" + i, "Opção " + i)).toList();
        List<Button> longTitle = List.of(new Button("address", "Endereço para cobrança"));

        Rendered portuguese = GraphMessages.render(message("O que mudar?", four));
        Rendered english = GraphMessages.render(new SendMessage(UUID.randomUUID(), Instant.EPOCH, "cloud-api", ANA,
                "What to change?", List.of(new Button("address", "Mailing address (main)")), "en"));

        assertThat(portuguese.shape()).isEqualTo(Shape.LIST);
        assertThat(interactive(portuguese)).containsEntry("type", "list");
        @SuppressWarnings("unchecked")
        var action = (Map<String, Object>) interactive(portuguese).get("action");
        assertThat(action).containsEntry("button", "Opções");
        assertThat(action.get("sections")).isEqualTo(List.of(Map.of("rows", four.stream()
                .map(option -> Map.of("id", option.id(), "title", option.title())).toList())));
        assertThat(GraphMessages.render(message("O que mudar?", longTitle)).shape()).isEqualTo(Shape.LIST);
        @SuppressWarnings("unchecked")
        var englishAction = (Map<String, Object>) interactive(english).get("action");
        assertThat(englishAction).containsEntry("button", "Options");
    }

    @Test
    void whatFitsNeitherButtonsNorAListIsANumberedTextTheChatReadsBack() {
        List<Button> eleven = IntStream.rangeClosed(1, 11).mapToObj(i -> new Button("o" + i, "Opção " + i)).toList();
        List<Button> tooLong = List.of(new Button("a", "Um título longo demais para uma lista"));
        List<Button> repeated = List.of(new Button("a", "Sim"), new Button("b", "Sim"));

        Rendered rendered = GraphMessages.render(message("Escolha:", eleven));

        assertThat(rendered.shape()).isEqualTo(Shape.NUMBERED);
        assertThat(rendered.body()).containsEntry("type", "text");
        @SuppressWarnings("unchecked")
        var text = (Map<String, Object>) rendered.body().get("text");
        assertThat((String) text.get("body")).startsWith("Escolha:\n\n1. Opção 1\n2. Opção 2\n").endsWith("\n11. Opção 11");
        assertThat(GraphMessages.render(message("Escolha:", tooLong)).shape()).isEqualTo(Shape.NUMBERED);
        assertThat(GraphMessages.render(message("Escolha:", repeated)).shape()).isEqualTo(Shape.NUMBERED);
    }

    @Test
    void buttonsNeedABodyOfAtMost1024CharactersElseAListCarriesIt() {
        String longBody = "a".repeat(1025);

        assertThat(GraphMessages.render(message(longBody, List.of(new Button("yes", "Sim")))).shape())
                .isEqualTo(Shape.LIST);
    }

    @Test
    void aTemplateIsInTheRepliesLanguageAsMetaCodesIt() {
        assertThat(GraphMessages.template(ANA, "retomar_conversa", "pt-BR").body().get("template"))
                .isEqualTo(Map.of("name", "retomar_conversa", "language", Map.of("code", "pt_BR")));
        assertThat(GraphMessages.template(ANA, "resume", "en").body().get("template"))
                .isEqualTo(Map.of("name", "resume", "language", Map.of("code", "en")));
        assertThat(GraphMessages.template(ANA, "retomar_conversa", null).body().get("template"))
                .isEqualTo(Map.of("name", "retomar_conversa", "language", Map.of("code", "pt_BR")));
    }

    @Test
    void aReadReceiptNamesTheMessage() {
        assertThat(GraphMessages.read("wamid.HBgN")).isEqualTo(
                Map.of("messaging_product", "whatsapp", "status", "read", "message_id", "wamid.HBgN"));
    }

    private static SendMessage message(String text, List<Button> buttons) {
        return new SendMessage(UUID.randomUUID(), Instant.EPOCH, "cloud-api", ANA, text, buttons, "pt-BR");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> interactive(Rendered rendered) {
        return (Map<String, Object>) rendered.body().get("interactive");
    }
}
