package dev.wareg.chat.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the chat counts while people talk to it, in both languages: the funnel, read from the dialogues. */
class ConversationMetricsTests {

    private static final String PHONE = "+5511987654321";

    @Test
    void aRegistrationInPortugueseCountsEachStepOfTheFunnelOnce() {
        var dialogue = new Dialogue(PHONE);
        dialogue.user("oi").user("sim").user("maria da silva").user("maria arroba exemplo")
                .user("maria@exemplo.com.br").user("sim").workerApplies();

        MeterRegistry meters = dialogue.meters;
        assertThat(count(meters, ConversationMetrics.MESSAGES_RECEIVED, "channel", "web-chat", "type", "text"))
                .isEqualTo(6);
        assertThat(count(meters, ConversationMetrics.CONVERSATIONS_STARTED, "channel", "web-chat")).isEqualTo(1);
        assertThat(count(meters, ConversationMetrics.FORMS_STARTED, "channel", "web-chat", "form", "registration"))
                .isEqualTo(1);
        assertThat(count(meters, ConversationMetrics.FIELD_PROMPTS, "field", "name")).isEqualTo(1);
        assertThat(count(meters, ConversationMetrics.FIELD_PROMPTS, "field", "email")).isEqualTo(1);
        assertThat(count(meters, ConversationMetrics.FIELD_COMPLETIONS, "field", "name")).isEqualTo(1);
        assertThat(count(meters, ConversationMetrics.FIELD_COMPLETIONS, "field", "email")).isEqualTo(1);
        assertThat(count(meters, ConversationMetrics.FIELD_VALIDATION_FAILURES, "field", "email", "reason", "format"))
                .isEqualTo(1);
        assertThat(count(meters, ConversationMetrics.CONFIRMATIONS, "channel", "web-chat", "answer", "confirmed"))
                .isEqualTo(1);
        assertThat(count(meters, ConversationMetrics.UPDATES_REQUESTED, "channel", "web-chat", "form",
                "registration")).isEqualTo(1);
        assertThat(count(meters, ConversationMetrics.CONVERSATIONS_COMPLETED, "channel", "web-chat")).isEqualTo(1);
        // Every reply: the offer, the start and the name's question, the e-mail's, the refusal, the confirmation,
        // the e-mail saved unverified (the tests' chat sends no e-mail), "saving", and the outcome.
        assertThat(count(meters, ConversationMetrics.REPLIES_SENT, "channel", "web-chat")).isEqualTo(9);
        assertThat(timer(meters, ConversationMetrics.TURN_DURATION).count()).isEqualTo(6);
    }

    @Test
    void theReplyLatencyRunsFromWhenTheChannelGotTheMessageByTheInjectedClock() {
        var dialogue = new Dialogue(PHONE);
        dialogue.deliveredLate(Duration.ofSeconds(3)).user("oi");
        Timer latency = timer(dialogue.meters, ConversationMetrics.REPLY_LATENCY);
        assertThat(latency.count()).isEqualTo(1);
        assertThat(latency.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(3000);
    }

    @Test
    void aSharedPlaceIsCountedAsALocationMessageInEnglish() {
        var dialogue = new Dialogue(PHONE).withAccount("John O'Neil", "john@old.com");
        dialogue.user("I want to change my address")
                .location("Rua Augusta, 500 - Consolação, São Paulo - SP, 01305-000, Brazil");

        assertThat(count(dialogue.meters, ConversationMetrics.MESSAGES_RECEIVED, "channel", "web-chat", "type",
                "location")).isEqualTo(1);
        assertThat(count(dialogue.meters, ConversationMetrics.MESSAGES_RECEIVED, "channel", "web-chat", "type",
                "text")).isEqualTo(1);
        assertThat(count(dialogue.meters, ConversationMetrics.FIELD_PROMPTS, "field", "complement")).isEqualTo(1);
    }

    @Test
    void anEnglishUpdateCorrectedAtTheConfirmationCountsTheCorrectionByField() {
        var dialogue = new Dialogue(PHONE).withAccount("John O'Neil", "john@old.com");
        dialogue.user("I want to update my email").user("john@new.com")
                .user("correct the email").user("john@newer.com").user("yes");

        MeterRegistry meters = dialogue.meters;
        assertThat(count(meters, ConversationMetrics.FORMS_STARTED, "channel", "web-chat", "form", "update"))
                .isEqualTo(1);
        assertThat(count(meters, ConversationMetrics.CONFIRMATIONS, "channel", "web-chat", "answer", "corrected"))
                .isEqualTo(1);
        assertThat(count(meters, ConversationMetrics.CORRECTIONS, "field", "email")).isEqualTo(1);
        assertThat(count(meters, ConversationMetrics.CONFIRMATIONS, "channel", "web-chat", "answer", "confirmed"))
                .isEqualTo(1);
        assertThat(count(meters, ConversationMetrics.FIELD_PROMPTS, "field", "email")).isEqualTo(2);
        assertThat(count(meters, ConversationMetrics.FIELD_COMPLETIONS, "field", "email")).isEqualTo(2);
        assertThat(count(meters, ConversationMetrics.UPDATES_REQUESTED, "channel", "web-chat", "form", "update"))
                .isEqualTo(1);
    }

    @Test
    void aCancelAndANoAtTheConfirmationAreCountedWithTheStageTheyLeft() {
        var dialogue = new Dialogue(PHONE).withAccount("Maria da Silva", "maria@antigo.com.br");
        dialogue.user("quero atualizar meu email").user("cancelar")
                .user("quero atualizar meu email").user("maria@novo.com.br").user("não");

        MeterRegistry meters = dialogue.meters;
        assertThat(count(meters, ConversationMetrics.CONVERSATIONS_CANCELLED, "channel", "web-chat", "stage",
                "collecting")).isEqualTo(1);
        assertThat(count(meters, ConversationMetrics.CONVERSATIONS_CANCELLED, "channel", "web-chat", "stage",
                "confirming")).isEqualTo(1);
        assertThat(count(meters, ConversationMetrics.CONFIRMATIONS, "channel", "web-chat", "answer", "discarded"))
                .isEqualTo(1);
        assertThat(count(meters, ConversationMetrics.FORMS_STARTED, "channel", "web-chat", "form", "update"))
                .isEqualTo(2);
        assertThat(count(meters, ConversationMetrics.UPDATES_REQUESTED, "channel", "web-chat", "form", "update"))
                .isZero();
    }

    @Test
    void aPersonComingBackToAFormLeftHalfWayCountsItAsExpired() {
        var dialogue = new Dialogue(PHONE).withAccount("John O'Neil", "john@old.com");
        dialogue.user("I want to update my email").after(Duration.ofMinutes(10)).user("hi");

        assertThat(count(dialogue.meters, ConversationMetrics.CONVERSATIONS_EXPIRED, "channel", "web-chat", "stage",
                "collecting")).isEqualTo(1);
    }

    @Test
    void aRedeliveredMessageCountsNothingAgain() {
        var dialogue = new Dialogue(PHONE).withAccount("Maria da Silva", "maria@antigo.com.br");
        dialogue.user("quero atualizar meu email").user("maria arroba").redelivered();

        assertThat(count(dialogue.meters, ConversationMetrics.FIELD_VALIDATION_FAILURES, "field", "email", "reason",
                "format")).isEqualTo(1);
        assertThat(count(dialogue.meters, ConversationMetrics.MESSAGES_RECEIVED, "channel", "web-chat", "type",
                "text")).isEqualTo(2);
    }

    @Test
    void noTagCarriesWhatPeopleSaidOrWhoTheyAre() {
        var dialogue = new Dialogue(PHONE).withAccount("Maria da Silva", "maria@antigo.com.br");
        dialogue.user("quero atualizar meu email").user("maria@gmial.com").user("não").user("maria@novo.com.br")
                .user("sim").workerApplies();

        for (Meter meter : dialogue.meters.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                assertThat(tag.getValue()).as(meter.getId().getName())
                        .doesNotContain("@").doesNotContain("maria").doesNotContain("98765");
            }
        }
        assertThat(count(dialogue.meters, ConversationMetrics.FIELD_VALIDATION_FAILURES, "field", "email", "reason",
                "typo")).isEqualTo(1);
    }

    @Test
    void aChannelsConversationCountersAndEveryFieldsStartAtZeroSoTheFirstIncrementShowsInARate() {
        var dialogue = new Dialogue(PHONE);
        assertThat(dialogue.meters.find(ConversationMetrics.FIELD_PROMPTS).tags("field", "cpf").counter())
                .isNotNull();
        assertThat(dialogue.meters.find(ConversationMetrics.CONVERSATIONS_EXPIRED).counters()).isEmpty();

        dialogue.user("oi");

        assertThat(dialogue.meters.find(ConversationMetrics.CONVERSATIONS_EXPIRED)
                .tags("channel", "web-chat", "stage", "confirming").counter()).isNotNull();
        assertThat(count(dialogue.meters, ConversationMetrics.CONVERSATIONS_CANCELLED, "channel", "web-chat",
                "stage", "offered-registration")).isZero();
        assertThat(dialogue.meters.find(ConversationMetrics.CONVERSATIONS_CANCELLED).counters())
                .extracting(counter -> counter.getId().getTag("stage"))
                .containsExactlyInAnyOrder("offered-registration", "choosing-field", "collecting", "confirming",
                        "proving", "resuming");
    }

    @Test
    void aChannelNameThatIsNotOneIsCountedAsOther() {
        assertThat(ConversationMetrics.channel("web-chat")).isEqualTo("web-chat");
        assertThat(ConversationMetrics.channel("+5511987654321")).isEqualTo("other");
        assertThat(ConversationMetrics.channel("a".repeat(40))).isEqualTo("other");
    }

    private static double count(MeterRegistry meters, String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private static Timer timer(MeterRegistry meters, String name) {
        Timer timer = meters.find(name).timer();
        assertThat(timer).as(name).isNotNull();
        return timer;
    }
}
