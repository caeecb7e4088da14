package dev.wareg.chat.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The chat's declarations about the fields, read by the form loop instead of naming fields itself. */
class FormSchemaTests {

    private final FormSchema schema = new FormSchema(Clock.systemUTC(), postalCode -> Optional.empty());

    @Test
    void aSharedLocationAnswersTheAddressFieldsOnlyInTheOrderAsked() {
        assertThat(schema.locationFields())
                .containsExactly("postalCode", "street", "number", "complement", "district", "city", "state");
        assertThat(schema.locationFields()).allSatisfy(field -> assertThat(schema.topicOf(field).takesLocation()).isTrue());
    }

    @Test
    void noOtherFieldAndNoUnknownNameTakesALocation() {
        assertThat(schema.all()).filteredOn(schema::takesLocation)
                .containsExactlyElementsOf(schema.locationFields());
        assertThat(schema.takesLocation("email")).isFalse();
        assertThat(schema.takesLocation("phone")).isFalse();
        assertThat(schema.takesLocation("latitude")).isFalse();
        assertThat(schema.takesLocation(null)).isFalse();
    }
}
