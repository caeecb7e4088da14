package dev.wareg.chat.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SendersTests {

    /** The shapes channels name a person by: E.164, Meta's wa_id digits, and both without the ninth digit. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "+5511987654321, +5511987654321",
            "5511987654321,  +5511987654321",
            "+553188887777,  +5531988887777",
            "553188887777,   +5531988887777"})
    void aSenderWithAPhoneIsFoundByItsCanonicalForm(String sender, String phone) {
        assertThat(Senders.phone(sender)).contains(phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BR.1234567890123456", "US.13491208655302741918", "123456789012345@lid", "abc", "+5500"})
    void aSenderKnownByAnIdThatIsNoPhoneHasNone(String sender) {
        assertThat(Senders.phone(sender)).isEmpty();
    }

    @Test
    void everyNameAChannelMayUseForANumberIsKnown() {
        assertThat(Senders.namesOf("+5531988887777")).containsExactlyInAnyOrder(
                "+5531988887777", "5531988887777", "+553188887777", "553188887777");
        assertThat(Senders.namesOf("+16502530000")).containsExactlyInAnyOrder("+16502530000", "16502530000");
    }
}
