package dev.wareg.whatsappweb;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The reading of the sidecar's messages under generated bodies ({@link SidecarBodies}): what is JSON is read as a
 * message or refused as not of the contract's shape, naming the member and never its value; nothing else escapes.
 * Tries: {@code jqwik.tries.default} (300 in {@code junit-platform.properties}; the long run of docs/security.md,
 * "Fuzzing", sets more).
 */
class SidecarMessageFuzzTests {

    @Provide
    Arbitrary<byte[]> bodies() {
        return SidecarBodies.bodies();
    }

    @Property
    void anyBodyIsReadAsAMessageOrRefusedAsNotJsonOrNotOfTheContractsShape(@ForAll("bodies") byte[] body) {
        JsonNode root;
        try {
            root = SidecarBodies.JSON.readTree(body);
        } catch (JacksonException notJson) {
            return;
        }
        SidecarMessage message;
        try {
            message = SidecarMessage.from(root);
        } catch (SidecarMessage.InvalidShape refused) {
            assertThat(refused.getMessage()).matches("(the body|messageId|sender|type|location)\\b.*");
            return;
        }
        assertThat(message.messageId()).isNotBlank();
        assertThat(message.sender()).isNotBlank();
        assertThat(message.type()).isNotNull();
        assertThat(message.text()).isNotNull();
        assertThat(message.media()).isIn(null, "audio", "image", "video", "document", "sticker", "reaction");
        if (message.type() == SidecarMessage.Type.LOCATION) {
            assertThat(message.location()).isNotNull();
        }
    }
}
