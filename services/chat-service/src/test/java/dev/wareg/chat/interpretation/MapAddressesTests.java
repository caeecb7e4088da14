package dev.wareg.chat.interpretation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The addresses map apps write in a shared location, read into the address fields by position. */
class MapAddressesTests {

    @Test
    void readsStreetNumberDistrictCityStateAndPostalCodeInTheOrderWritten() {
        assertThat(MapAddresses.read("Av. Paulista, 1578 - Bela Vista, São Paulo - SP, 01310-200"))
                .containsExactly(Map.entry("street", "Av. Paulista"), Map.entry("number", "1578"),
                        Map.entry("district", "Bela Vista"), Map.entry("city", "São Paulo"),
                        Map.entry("state", "SP"), Map.entry("postalCode", "01310-200"));
    }

    @Test
    void keepsAbbreviationsInsideAStreetsName() {
        assertThat(MapAddresses.read("R. Dr. Diogo de Faria, 1087 - Vila Clementino, São Paulo - SP, 04037-003"))
                .containsEntry("street", "R. Dr. Diogo de Faria").containsEntry("number", "1087")
                .containsEntry("district", "Vila Clementino");
    }

    @Test
    void aPartBetweenTheNumberAndTheDistrictIsTheComplement() {
        assertThat(MapAddresses.read("Av. Brig. Faria Lima, 3477 - 14º andar - Itaim Bibi, São Paulo - SP, 04538-133"))
                .containsEntry("street", "Av. Brig. Faria Lima").containsEntry("number", "3477")
                .containsEntry("complement", "14º andar").containsEntry("district", "Itaim Bibi");
    }

    @Test
    void aHyphenInsideANameIsNoSeparator() {
        assertThat(MapAddresses.read("Esplanada dos Ministérios, 12 - Zona Cívico-Administrativa, Brasília - DF, 70040-010"))
                .containsExactly(Map.entry("street", "Esplanada dos Ministérios"), Map.entry("number", "12"),
                        Map.entry("district", "Zona Cívico-Administrativa"), Map.entry("city", "Brasília"),
                        Map.entry("state", "DF"), Map.entry("postalCode", "70040-010"));
    }

    @Test
    void withoutANumberOrADistrict() {
        assertThat(MapAddresses.read("Praça da Sé - Sé, São Paulo - SP, 01001-000"))
                .containsExactly(Map.entry("street", "Praça da Sé"), Map.entry("district", "Sé"),
                        Map.entry("city", "São Paulo"), Map.entry("state", "SP"), Map.entry("postalCode", "01001-000"));
        assertThat(MapAddresses.read("Rua Augusta, 500, São Paulo - SP"))
                .containsExactly(Map.entry("street", "Rua Augusta"), Map.entry("number", "500"),
                        Map.entry("city", "São Paulo"), Map.entry("state", "SP"));
    }

    @Test
    void commasForDashesAndTheCountryAtTheEnd() {
        assertThat(MapAddresses.read("Avenida Paulista, 1578, Bela Vista, São Paulo, SP, 01310-200, Brasil"))
                .containsExactly(Map.entry("street", "Avenida Paulista"), Map.entry("number", "1578"),
                        Map.entry("district", "Bela Vista"), Map.entry("city", "São Paulo"),
                        Map.entry("state", "SP"), Map.entry("postalCode", "01310-200"));
        assertThat(MapAddresses.read("Rua das Flores, s/n - Centro, Campinas - SP, 13010-001, Brazil"))
                .containsEntry("number", "s/n").containsEntry("district", "Centro").containsEntry("city", "Campinas");
    }

    @Test
    void aNeighbourhoodOrACityAlone() {
        assertThat(MapAddresses.read("Bela Vista, São Paulo - SP"))
                .containsExactly(Map.entry("district", "Bela Vista"), Map.entry("city", "São Paulo"),
                        Map.entry("state", "SP"));
        assertThat(MapAddresses.read("São Paulo - SP"))
                .containsExactly(Map.entry("city", "São Paulo"), Map.entry("state", "SP"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"São Paulo", "MASP", "1600 Amphitheatre Pkwy, Mountain View, CA 94043, USA",
            "Av. Paulista, 1578 - Bela Vista, São Paulo - XX", "01310-200", ""})
    void anythingThatDoesNotEndInACityAndItsStateIsLeftToTheRules(String address) {
        assertThat(MapAddresses.read(address)).isEmpty();
    }
}
