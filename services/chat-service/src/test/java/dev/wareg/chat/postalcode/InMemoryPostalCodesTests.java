package dev.wareg.chat.postalcode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.chat.conversation.PostalAddress;
import org.junit.jupiter.api.Test;

class InMemoryPostalCodesTests {

    private final InMemoryPostalCodes postalCodes = new InMemoryPostalCodes();

    @Test
    void aKnownCepIsItsAddress() {
        assertThat(postalCodes.find("01310-100"))
                .contains(new PostalAddress("01310-100", "Avenida Paulista", "Bela Vista", "São Paulo", "SP"));
        assertThat(postalCodes.find("01001-000"))
                .contains(new PostalAddress("01001-000", "Praça da Sé", "Sé", "São Paulo", "SP"));
    }

    @Test
    void aTownWithASingleCepHasNoStreetOrDistrict() {
        assertThat(postalCodes.find("62823-000")).hasValueSatisfying(address -> {
            assertThat(address.street()).isNull();
            assertThat(address.district()).isNull();
            assertThat(address.city()).isEqualTo("Jaguaruana");
            assertThat(address.state()).isEqualTo("CE");
        });
    }

    @Test
    void anyOtherCepIsUnknown() {
        assertThat(postalCodes.find("99999-999")).isEmpty();
        assertThat(postalCodes.find("01310100")).isEmpty();
        assertThat(postalCodes.find(null)).isEmpty();
    }
}
