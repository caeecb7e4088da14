package dev.wareg.account.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AccountPatchTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant CREATED = Instant.parse("2025-01-01T10:00:00Z");

    private final AccountPatch patches = new AccountPatch(Clock.fixed(CREATED, ZoneOffset.UTC),
            new AccountsConfiguration.AccountsProperties(DataSize.ofKilobytes(64), false));

    private final Account current = new Account(UUID.fromString("0190f0a0-0000-7000-8000-000000000001"),
            "+5511987654321", "Maria Souza", "maria@example.com",
            new Address("01000-000", "Rua Um", "10", "apto 2", "Centro", "São Paulo", "SP"),
            null, null, CREATED, CREATED, 4);

    @Test
    void anEmptyPatchChangesNothing() {
        assertThat(patches.apply(current, patch("{}"))).isEqualTo(current);
    }

    @Test
    void membersPresentReplaceAndAbsentOnesStay() {
        Account patched = patches.apply(current, patch("""
                {"name": "Maria Souza Lima", "cpf": "123.456.789-09", "birthDate": "1990-05-17"}"""));

        assertThat(patched.name()).isEqualTo("Maria Souza Lima");
        assertThat(patched.cpf()).isEqualTo("12345678909");
        assertThat(patched.birthDate()).isEqualTo(LocalDate.of(1990, 5, 17));
        assertThat(patched.email()).isEqualTo(current.email());
        assertThat(patched.address()).isEqualTo(current.address());
    }

    @Test
    void valuesAreNormalisedByTheRegistrationFieldValidators() {
        Account patched = patches.apply(current, patch("""
                {"name": "  MARIA   DA SILVA ", "email": " Maria@GMAIL.com "}"""));

        assertThat(patched.name()).isEqualTo("Maria da Silva");
        assertThat(patched.email()).isEqualTo("maria@gmail.com");
    }

    @Test
    void theAddressIsMergedPartByPartAndNullRemovesAPart() {
        Account patched = patches.apply(current, patch("""
                {"address": {"number": "12", "complement": null}}"""));

        assertThat(patched.address())
                .isEqualTo(new Address("01000-000", "Rua Um", "12", null, "Centro", "São Paulo", "SP"));
    }

    @Test
    void nullRemovesTheWholeAddressAndOptionalValues() {
        Account withCpf = patches.apply(current, patch("""
                {"cpf": "123.456.789-09", "birthDate": "1990-05-17"}"""));

        Account patched = patches.apply(withCpf, patch("""
                {"address": null, "cpf": null, "birthDate": null}"""));

        assertThat(patched.address()).isNull();
        assertThat(patched.cpf()).isNull();
        assertThat(patched.birthDate()).isNull();
    }

    @Test
    void anAddressPatchOnAnAccountWithoutAddressStartsFromNothing() {
        Account withoutAddress = patches.apply(current, patch("{\"address\": null}"));

        Account patched = patches.apply(withoutAddress, patch("{\"address\": {\"city\": \"Recife\"}}"));

        assertThat(patched.address()).isEqualTo(new Address(null, null, null, null, null, "Recife", null));
    }

    @Test
    void removingTheLastPartOfAnAddressLeavesNoAddress() {
        Account cityOnly = patches.apply(current, patch("{\"address\": null}"));
        cityOnly = patches.apply(cityOnly, patch("{\"address\": {\"city\": \"Recife\"}}"));

        assertThat(patches.apply(cityOnly, patch("{\"address\": {\"city\": null}}")).address()).isNull();
    }

    @Test
    void requiredFieldsCannotBeRemoved() {
        assertThat(violations("{\"name\": null, \"email\": null}"))
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("name", "required"), tuple("email", "required"));
    }

    @Test
    void serverOwnedPropertiesAreReadOnly() {
        assertThat(violations("""
                {"id": "x", "version": 9, "createdAt": null, "updatedAt": null}"""))
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("id", "read-only"), tuple("version", "read-only"),
                        tuple("createdAt", "read-only"), tuple("updatedAt", "read-only"));
    }

    /** A person moving to a new number: the phone changes to a valid one, never to none. */
    @Test
    void thePhoneChangesToAValidNumberAndCannotBeRemoved() {
        assertThat(violations("{\"phone\": null}")).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("phone", "required"));
        assertThat(violations("{\"phone\": \"onze\"}")).extracting(Violation::field).containsExactly("phone");
    }

    @Test
    void unknownPropertiesAreNamed() {
        assertThat(violations("{\"nickname\": \"Mari\", \"address\": {\"country\": \"BR\"}}"))
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("nickname", "unknown"), tuple("address.country", "unknown"));
    }

    @Test
    void everyInvalidValueIsReportedAtOnce() {
        assertThat(violations("""
                {"name": "M4ria", "email": "maria@gmial.com", "cpf": "123456789012345",
                 "birthDate": "31/02/1990", "address": {"postalCode": 1234}}"""))
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("name", "characters"), tuple("email", "typo"), tuple("cpf", "format"),
                        tuple("birthDate", "impossible"), tuple("address.postalCode", "type"));
    }

    @Test
    void anEmailTypoSuggestsTheLikelyAddress() {
        assertThat(violations("{\"email\": \"maria@gmial.com\"}"))
                .singleElement()
                .extracting(Violation::message).asString()
                .contains("maria@gmail.com");
    }

    @Test
    void aPatchThatIsNotAnObjectIsMalformed() {
        assertThatThrownBy(() -> patches.apply(current, patch("[{\"name\": \"Maria\"}]")))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.getBody().getType()).hasToString("/problems/malformed-body");
                });
    }

    private List<Violation> violations(String patch) {
        try {
            patches.apply(current, patch(patch));
        } catch (InvalidRequest e) {
            return e.violations();
        }
        throw new AssertionError("the patch was accepted: " + patch);
    }

    private static JsonNode patch(String json) {
        return JSON.readTree(json);
    }
}
