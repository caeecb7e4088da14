package dev.wareg.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ErasedPersonTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ErasedPerson maria = new ErasedPerson(ErasedPerson.digits("+5511987654321"),
            "0190a000-0000-7000-8000-0000000000e1", "lid-8812");

    @Test
    void aBrazilianMobileIsAlsoLookedForWithoutItsNinthDigit() {
        assertThat(ErasedPerson.digits("+5511987654321")).containsExactly("5511987654321", "551187654321");
    }

    @Test
    void otherNumbersHaveOneForm() {
        assertThat(ErasedPerson.digits("+551133334444")).containsExactly("551133334444");
        assertThat(ErasedPerson.digits("+351912345678")).containsExactly("351912345678");
    }

    @Test
    void anEventIsThePersonsWhenAnyStringInItNamesThem() {
        for (String named : List.of("{\"data\":{\"sender\":\"5511987654321\"}}",
                "{\"data\":{\"recipient\":\"+5511987654321\"}}",
                "{\"data\":{\"recipient\":\"551187654321@s.whatsapp.net\"}}",
                "{\"data\":{\"sender\":\"5511987654321:12@s.whatsapp.net\"}}",
                "{\"data\":{\"accountId\":\"0190a000-0000-7000-8000-0000000000e1\"}}",
                "{\"data\":{\"conversationId\":\"lid-8812\"}}",
                "{\"data\":{\"changes\":{\"phone\":{\"oldValue\":\"+5511987654321\"}}}}")) {
            assertThat(maria.isNamedIn(JSON.readTree(named))).as(named).isTrue();
        }
    }

    @Test
    void aSenderIdLinkedToTheAccountNamesThePerson() {
        var linked = ErasedPerson.of(new dev.wareg.contracts.AccountErased(java.util.UUID.randomUUID(),
                java.time.Instant.now(), null, java.util.UUID.fromString("0190a000-0000-7000-8000-0000000000e1"),
                "+5511987654321", null, null, List.of("cloud-api:BR.1234567890abcdef")));

        assertThat(linked.senderIds()).containsExactly("BR.1234567890abcdef");
        assertThat(linked.isNamedIn(JSON.readTree("{\"data\":{\"sender\":\"BR.1234567890abcdef\"}}"))).isTrue();
        assertThat(maria.isNamedIn(JSON.readTree("{\"data\":{\"sender\":\"BR.1234567890abcdef\"}}"))).isFalse();
    }

    @Test
    void anotherPersonsEventIsNot() {
        for (String other : List.of("{\"data\":{\"sender\":\"5521999990000\",\"text\":\"o número 5511987654321\"}}",
                "{\"data\":{\"sender\":\"55119876543210\"}}", "{\"data\":{\"n\":5511987654321}}")) {
            assertThat(maria.isNamedIn(JSON.readTree(other))).as(other).isFalse();
        }
    }

    @Test
    void onlyDigitsMakeAPhoneForm() {
        assertThatThrownBy(() -> new ErasedPerson(List.of("55|.*"), "x", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
