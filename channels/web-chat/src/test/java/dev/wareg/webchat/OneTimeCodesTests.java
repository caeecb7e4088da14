package dev.wareg.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.testsupport.SettableClock;
import java.lang.reflect.Field;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OneTimeCodesTests {

    private static final String ANA = "+5511987654321";
    private static final String BRUNO = "+5521987654321";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final OneTimeCodes codes = new OneTimeCodes(Duration.ofMinutes(5), 5, 100, clock, new SecureRandom());

    @Test
    void aCodeIsSixDigits() {
        assertThat(codes.issue(ANA)).matches("\\d{6}");
    }

    @Test
    void theRightCodeWorksOnceOnly() {
        String code = codes.issue(ANA);

        assertThat(codes.redeem(ANA, code)).isTrue();
        assertThat(codes.redeem(ANA, code)).as("replayed").isFalse();
    }

    @Test
    void aCodeIsForItsNumberOnly() {
        String code = codes.issue(ANA);

        assertThat(codes.redeem(BRUNO, code)).isFalse();
        assertThat(codes.redeem(ANA, code)).isTrue();
    }

    @Test
    void aCodeExpires() {
        String code = codes.issue(ANA);
        clock.advance(Duration.ofMinutes(5));

        assertThat(codes.redeem(ANA, code)).isFalse();
        assertThat(codes.pendingCount()).isZero();
    }

    @Test
    void aCodeWorksUntilItExpires() {
        String code = codes.issue(ANA);
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));

        assertThat(codes.redeem(ANA, code)).isTrue();
    }

    @Test
    void wrongCodesBurnTheCodeAfterTheLastAllowedTry() {
        String code = codes.issue(ANA);
        for (int i = 0; i < 5; i++) {
            assertThat(codes.redeem(ANA, wrong(code))).isFalse();
        }

        assertThat(codes.redeem(ANA, code)).as("the right code after 5 wrong ones").isFalse();
    }

    @Test
    void fewerWrongTriesLeaveTheCodeUsable() {
        String code = codes.issue(ANA);
        for (int i = 0; i < 4; i++) {
            codes.redeem(ANA, wrong(code));
        }

        assertThat(codes.redeem(ANA, code)).isTrue();
    }

    @Test
    void aNewCodeReplacesTheLastOne() {
        String first = codes.issue(ANA);
        String second = codes.issue(ANA);

        assertThat(codes.redeem(ANA, first)).isEqualTo(first.equals(second));
        assertThat(codes.pendingCount()).isLessThanOrEqualTo(1);
    }

    @Test
    void noCodeAndAMissingCodeAreRefused() {
        assertThat(codes.redeem(ANA, "123456")).isFalse();
        codes.issue(ANA);
        assertThat(codes.redeem(ANA, null)).isFalse();
    }

    @Test
    void keepsAtMostMaxPendingDroppingTheOldest() {
        var few = new OneTimeCodes(Duration.ofMinutes(5), 5, 2, clock, new SecureRandom());
        String first = few.issue(ANA);
        few.issue(BRUNO);
        few.issue("+5531987654321");

        assertThat(few.pendingCount()).isEqualTo(2);
        assertThat(few.redeem(ANA, first)).isFalse();
    }

    @Test
    void forgetsANumbersCode() {
        String code = codes.issue(ANA);
        codes.forget(ANA);

        assertThat(codes.redeem(ANA, code)).isFalse();
    }

    @Test
    void keepsNoCodeInClear() throws Exception {
        String code = codes.issue(ANA);

        Field pending = OneTimeCodes.class.getDeclaredField("pending");
        pending.setAccessible(true);
        Object live = ((java.util.Map<?, ?>) pending.get(codes)).get(ANA);
        Field digest = live.getClass().getDeclaredField("digest");
        digest.setAccessible(true);
        byte[] stored = (byte[]) digest.get(live);
        assertThat(stored).hasSize(32);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(code);
        assertThat(Arrays.stream(live.getClass().getDeclaredFields()).map(Field::getType))
                .doesNotContain((Class) String.class);
    }

    static String wrong(String code) {
        char first = code.charAt(0);
        return (first == '9' ? '0' : (char) (first + 1)) + code.substring(1);
    }
}
