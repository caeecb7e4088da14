package dev.wareg.account.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NewAccountTests {

    private static final UUID ID = UUID.fromString("0190f0a0-0000-7000-8000-000000000001");
    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");

    @Test
    void aValidRequestBecomesTheFirstVersionOfANormalisedAccount() {
        var request = new NewAccount("(11) 98765-4321", "maria souza", "maria@Example.COM",
                new Address(" 01000-000 ", "Rua Um", "", null, null, "São Paulo", "SP"));

        assertThat(request.toAccount(ID, NOW)).isEqualTo(new Account(ID, "+5511987654321", "Maria Souza",
                "maria@example.com", new Address("01000-000", "Rua Um", null, null, null, "São Paulo", "SP"),
                null, null, NOW, NOW, 1));
    }

    @Test
    void anAddressWithoutAnyPartIsNoAddress() {
        var request = new NewAccount("11987654321", "Maria Souza", "maria@example.com",
                new Address(null, " ", null, null, null, null, null));

        assertThat(request.toAccount(ID, NOW).address()).isNull();
    }

    @Test
    void phoneNameAndEmailAreRequired() {
        assertThatThrownBy(() -> new NewAccount(null, null, " ", null).toAccount(ID, NOW))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::code)
                        .containsExactly(tuple("phone", "empty"), tuple("name", "empty"), tuple("email", "empty")));
    }

    @Test
    void everyInvalidValueIsReportedWithAnEnglishMessage() {
        var request = new NewAccount("12345", "X", "maria.example.com",
                new Address("0".repeat(17), null, null, null, null, null, null));

        assertThatThrownBy(() -> request.toAccount(ID, NOW))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> {
                    assertThat(e.violations())
                            .extracting(Violation::field, Violation::code)
                            .containsExactly(tuple("phone", "invalid"), tuple("name", "too-short"),
                                    tuple("email", "format"), tuple("address.postalCode", "too-long"));
                    assertThat(e.violations()).allSatisfy(violation -> assertThat(violation.message())
                            .isNotBlank()
                            .isNotEqualTo("This value is not valid."));
                });
    }
}
