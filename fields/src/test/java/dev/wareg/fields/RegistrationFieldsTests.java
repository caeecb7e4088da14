package dev.wareg.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistrationFieldsTests {

    private static final List<Field> OPTIONAL = List.of(
            RegistrationFields.CPF, RegistrationFields.BIRTH_DATE, RegistrationFields.POSTAL_CODE,
            RegistrationFields.STATE, RegistrationFields.STREET, RegistrationFields.NUMBER,
            RegistrationFields.COMPLEMENT, RegistrationFields.DISTRICT, RegistrationFields.CITY);

    @ParameterizedTest(name = "{0}: {1}, {2} -> {3}, masked {4}")
    @CsvSource(delimiter = '|', textBlock = """
            cpf         | cpf                  | 123.456.789-09    | 12345678909     | ***.456.789-**
            birthDate   | birthDate            | 12/05/1990        | 1990-05-12      | 1990-**-**
            postalCode  | address.postalCode   | 01310100          | 01310-100       | 01310-***
            state       | address.state        | são paulo         | SP              | SP
            street      | address.street       | ' Av.  Paulista ' | Av. Paulista    | ***
            number      | address.number       | 1578              | 1578            | ***
            complement  | address.complement   | Apto 12           | Apto 12         | ***
            district    | address.district     | Bela Vista        | Bela Vista      | ***
            city        | address.city         | São Paulo         | São Paulo       | S** P****
            """)
    void declaresTheOptionalFields(String name, String apiProperty, String raw, String normalised, String masked) {
        Field field = OPTIONAL.stream().filter(candidate -> candidate.name().equals(name)).findFirst().orElseThrow();

        assertThat(field.apiProperty()).isEqualTo(apiProperty);
        assertThat(field.required()).isFalse();
        assertThat(field.validate(raw)).isEqualTo(Validation.valid(normalised));
        assertThat(field.mask().apply(normalised)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} up to {1} characters")
    @CsvSource({"street,200", "number,20", "complement,100", "district,100", "city,100"})
    void limitsAddressParts(String name, int maxLength) {
        Field field = OPTIONAL.stream().filter(candidate -> candidate.name().equals(name)).findFirst().orElseThrow();

        assertThat(field.validate("a".repeat(maxLength))).isInstanceOf(Validation.Valid.class);
        assertThat(field.validate("a".repeat(maxLength + 1))).isEqualTo(Validation.invalid("too-long"));
    }

    @Test
    void theBirthDateFieldJudgesTheFutureByTheGivenClock() {
        Field birthDate = RegistrationFields.birthDate(Clock.fixed(Instant.parse("2000-01-01T12:00:00Z"), ZoneOffset.UTC));

        assertThat(birthDate.name()).isEqualTo(RegistrationFields.BIRTH_DATE.name());
        assertThat(birthDate.validate("02/01/2000")).isEqualTo(Validation.invalid("future"));
        assertThat(RegistrationFields.BIRTH_DATE.validate("02/01/2000")).isEqualTo(Validation.valid("2000-01-02"));
    }

    @Test
    void theConversationAsksEveryFieldButThePhoneCepFirst() {
        assertThat(RegistrationFields.ASKED).extracting(Field::name).containsExactly("name", "email", "postalCode",
                "street", "number", "complement", "district", "city", "state", "cpf", "birthDate");
        assertThat(RegistrationFields.byName("cpf")).contains(RegistrationFields.CPF);
        assertThat(RegistrationFields.byName("phone")).isEmpty();
    }
}
