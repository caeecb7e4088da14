package dev.wareg.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.contracts.SendMessage;
import dev.wareg.testsupport.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CodeDeliveryTests {

    private static final String ANA = "+5511987654321";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final RecordingEventBus bus = new RecordingEventBus();
    private final UUID id = UUID.fromString("0195a1b2-0000-7000-8000-000000000002");

    @Test
    void overWhatsAppTheCodeIsASendMessageForThatChannelInPortuguese() {
        new WhatsAppCodeDelivery("cloud-api", bus, () -> id, clock).deliver(ANA, "123456", Duration.ofMinutes(5));

        assertThat(bus.published).containsExactly(new SendMessage(id, clock.instant(), "cloud-api", ANA,
                "Seu código para o chat na web é 123456. Ele vale por 5 minutos. Se não foi você, ignore esta mensagem.",
                List.of(), "pt-BR"));
    }

    @Test
    void theValidityIsToldInWholeMinutesNeverMoreThanThereIs() {
        assertThat(CodeMessage.text("123456", Duration.ofMinutes(1))).contains("Ele vale por 1 minuto.");
        assertThat(CodeMessage.text("123456", Duration.ofSeconds(150))).contains("Ele vale por 2 minutos.");
    }

    @Test
    void thePhonePanelKeepsTheLastFewCodeMessagesUntilTheyExpire() {
        var panel = new PhonePanel(10, clock);
        for (int i = 1; i <= 4; i++) {
            panel.deliver(ANA, "00000" + i, Duration.ofMinutes(5));
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(panel.messages(ANA)).extracting(PhonePanel.Message::text)
                .hasSize(PhonePanel.PER_PHONE).last().asString().contains("000004");

        clock.advance(Duration.ofMinutes(4));
        assertThat(panel.messages(ANA)).isEmpty();
    }
}
