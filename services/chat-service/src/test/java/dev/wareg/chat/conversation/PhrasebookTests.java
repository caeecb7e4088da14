package dev.wareg.chat.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.fields.Field;
import dev.wareg.fields.RegistrationFields;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Both languages say everything: a key missing from the English bundle would silently fall back to Portuguese,
 * and a field without its messages would fail in the middle of a conversation.
 */
class PhrasebookTests {

    @Test
    void theEnglishBundleHasEveryPortugueseKeyAndNoOther() throws IOException {
        assertThat(bundle("messages_en").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(bundle("messages").stringPropertyNames());
    }

    @Test
    void everyAskedFieldHasItsLabelPromptsAndExample() throws IOException {
        Properties portuguese = bundle("messages");
        for (Field field : RegistrationFields.ASKED) {
            assertThat(portuguese.stringPropertyNames()).as(field.name()).contains(field.labelKey(),
                    field.promptKey(), field.promptKey() + ".update", field.exampleKey(), field.invalidKey("empty"));
        }
    }

    @Test
    void labelsInsideSentencesKeepAcronyms() {
        var phrasebook = new Phrasebook();
        assertThat(phrasebook.inline(Locale.forLanguageTag("pt-BR"), "topic.cpf.label")).isEqualTo("CPF");
        assertThat(phrasebook.inline(Locale.forLanguageTag("pt-BR"), "topic.address.label")).isEqualTo("endereço");
    }

    private static Properties bundle(String name) throws IOException {
        var properties = new Properties();
        try (var in = PhrasebookTests.class.getResourceAsStream("/dev/wareg/chat/" + name + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
