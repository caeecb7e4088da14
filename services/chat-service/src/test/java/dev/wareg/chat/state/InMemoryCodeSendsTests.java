package dev.wareg.chat.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.chat.conversation.CodeSends;
import org.junit.jupiter.api.Test;

class InMemoryCodeSendsTests extends CodeSendsContract {

    @Override
    CodeSends emptyStore() {
        return new InMemoryCodeSends();
    }

    @Test
    void numbersWithNoSendInTheWindowAreForgotten() {
        var sends = new InMemoryCodeSends();
        for (int i = 0; i < 100; i++) {
            sends.tryCount("old-" + i, NOW, HOUR, 3);
        }

        for (int i = 0; i < InMemoryCodeSends.SWEEP_EVERY; i++) {
            sends.tryCount(NUMBER, NOW.plus(HOUR), HOUR, 3);
        }

        assertThat(sends.numbers()).isEqualTo(1);
    }
}
