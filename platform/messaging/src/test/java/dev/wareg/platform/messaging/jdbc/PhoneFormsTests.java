package dev.wareg.platform.messaging.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneFormsTests {

    @Test
    void aBrazilianMobileIsAlsoLookedForWithoutItsNinthDigit() {
        assertThat(PhoneForms.digits("+5511987654321")).containsExactly("5511987654321", "551187654321");
    }

    @Test
    void otherNumbersHaveOneForm() {
        assertThat(PhoneForms.digits("+551133334444")).containsExactly("551133334444");
        assertThat(PhoneForms.digits("+351912345678")).containsExactly("351912345678");
        assertThat(PhoneForms.digits("+14155550123")).containsExactly("14155550123");
    }
}
