package dev.wareg.chat.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wareg.chat.conversation.CodesPerNumber.Purpose;
import dev.wareg.chat.state.InMemoryCodeSends;
import dev.wareg.testsupport.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CodesPerNumberTests {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CodesPerNumber codes = new CodesPerNumber(new InMemoryCodeSends(),
            new CodesPerNumberProperties(3, Duration.ofHours(1)), clock, meters);

    @Test
    void aNumberGetsThreeCodesAnHourHoweverItIsWrittenAndForWhatever() {
        assertThat(codes.allows("+5511987654321", Purpose.LINK)).isTrue();
        assertThat(codes.allows("11 98765-4321", Purpose.LINK)).isTrue();
        assertThat(codes.allows("(11) 98765-4321", Purpose.PHONE)).isTrue();

        assertThat(codes.allows("+55 11 98765-4321", Purpose.LINK)).isFalse();
        assertThat(codes.allows("+5511987654321", Purpose.PHONE)).isFalse();
        assertThat(codes.allows("+5521998765432", Purpose.LINK)).as("another number").isTrue();

        clock.advance(Duration.ofHours(1));
        assertThat(codes.allows("+5511987654321", Purpose.LINK)).isTrue();
    }

    @Test
    void refusalsAreCountedByPurposeOnly() {
        for (int i = 0; i < 5; i++) {
            codes.allows("+5511987654321", Purpose.LINK);
        }
        codes.allows("+5511987654321", Purpose.PHONE);

        assertThat(meters.get(CodesPerNumber.REFUSED).tag("purpose", "link").counter().count()).isEqualTo(2);
        assertThat(meters.get(CodesPerNumber.REFUSED).tag("purpose", "phone").counter().count()).isEqualTo(1);
        assertThat(meters.get(CodesPerNumber.REFUSED).counters()).hasSize(2)
                .allSatisfy(counter -> assertThat(counter.getId().getTags()).hasSize(1));
    }

    @Test
    void aNumberIsKeptAsAHashOfItsE164FormNeverAsItself() {
        String key = CodesPerNumber.key("+5531988887777");

        assertThat(key).matches("[0-9a-f]{64}").doesNotContain("988887777", "88887777");
        assertThat(CodesPerNumber.key("(31) 98888-7777")).isEqualTo(key);
        assertThat(CodesPerNumber.key("+55 31 8888-7777")).as("without the ninth digit").isEqualTo(key);
        assertThat(CodesPerNumber.key("+5531988887776")).isNotEqualTo(key);
    }

    @Test
    void theLimitAndWindowMustAllowSomething() {
        assertThatThrownBy(() -> new CodesPerNumberProperties(3, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wareg.chat.codes-per-number.window");
    }
}
