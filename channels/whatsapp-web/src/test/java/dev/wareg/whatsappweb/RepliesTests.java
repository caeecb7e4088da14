package dev.wareg.whatsappweb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.contracts.SendMessage;
import dev.wareg.contracts.SendMessage.Button;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RepliesTests {

    private static SendMessage reply(String text, List<Button> buttons, String language) {
        return new SendMessage(UUID.randomUUID(), Instant.EPOCH, "whatsapp-web", "+5511987654321", text, buttons,
                language);
    }

    @Test
    void aReplyWithoutOptionsIsItsText() {
        assertThat(Replies.render(reply("Qual é o seu novo e-mail?", List.of(), "pt-BR")))
                .isEqualTo("Qual é o seu novo e-mail?");
    }

    @Test
    void optionsBecomeNumberedLinesAfterABlankLine() {
        assertThat(Replies.render(reply("Confirma?", List.of(new Button("yes", "Sim"), new Button("no", "Não")),
                "pt-BR"))).isEqualTo("Confirma?\n\n1. Sim\n2. Não");
        assertThat(Replies.render(reply("Shall I save it?", List.of(new Button("yes", "Confirm"),
                new Button("no", "Cancel")), "en"))).isEqualTo("Shall I save it?\n\n1. Confirm\n2. Cancel");
    }

    @Test
    void aTextThatAlreadyNumbersTheOptionsIsNotNumberedTwice() {
        String text = "Confirma?\n\n1. Sim\n2. Não";

        assertThat(Replies.render(reply(text, List.of(new Button("yes", "Sim"), new Button("no", "Não")), "pt-BR")))
                .isEqualTo(text);
    }

    @Test
    void optionsWithoutTextAreTheNumberedLinesAlone() {
        assertThat(Replies.render(reply("", List.of(new Button("yes", "Sim")), "pt-BR"))).isEqualTo("1. Sim");
    }
}
