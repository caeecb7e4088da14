package dev.wareg.whatsappweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wareg.contracts.MessageReceived.Location;
import dev.wareg.whatsappweb.SidecarMessage.Type;
import java.io.File;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class SidecarMessageTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static SidecarMessage parse(String body) {
        return SidecarMessage.from(JSON.readTree(body));
    }

    @Test
    void everyInboundFixtureIsListedHere() {
        String[] files = new File("src/test/resources/contract/inbound").list();
        assertThat(Arrays.stream(files).map(name -> name.replace(".json", "")))
                .containsExactlyInAnyOrderElementsOf(Fixtures.INBOUND);
    }

    @Test
    void textButtonListAndEditReadTheirText() {
        assertThat(parse(Fixtures.inbound("text"))).isEqualTo(new SidecarMessage("3EB0C431D5A6B7C8D9E0",
                "+5511987654321", Type.TEXT, "quero mudar meu email", null));
        assertThat(parse(Fixtures.inbound("extended-text")).text()).isEqualTo("meu novo email é ana@example.com");
        assertThat(parse(Fixtures.inbound("button"))).extracting(SidecarMessage::type, SidecarMessage::text)
                .containsExactly(Type.BUTTON, "Sim");
        assertThat(parse(Fixtures.inbound("list"))).extracting(SidecarMessage::type, SidecarMessage::text)
                .containsExactly(Type.LIST, "E-mail");
        assertThat(parse(Fixtures.inbound("edit"))).extracting(SidecarMessage::type, SidecarMessage::text)
                .containsExactly(Type.EDIT, "ana.souza@example.com");
    }

    @Test
    void aLidSenderIsKeptAsItIs() {
        assertThat(parse(Fixtures.inbound("lid-sender")).sender()).isEqualTo("208420593053874@lid");
    }

    @Test
    void aLocationCarriesItsCoordinatesAndPlace() {
        assertThat(parse(Fixtures.inbound("location"))).isEqualTo(new SidecarMessage("3EB0C431D5A6B7C8D9E4",
                "+5511987654321", Type.LOCATION, "", new Location(-23.561414, -46.655881, "MASP",
                "Av. Paulista, 1578 - Bela Vista, São Paulo - SP, 01310-200")));
        assertThat(parse(Fixtures.inbound("pin")).location())
                .isEqualTo(new Location(-23.561414, -46.655881, null, null));
    }

    @Test
    void aContactReadsAsItsFirstPhoneElseItsName() {
        assertThat(parse(Fixtures.inbound("contact")).text()).isEqualTo("+5521998765432");
        assertThat(parse("""
                {"messageId":"A","sender":"+5511987654321","type":"contact","text":"",
                 "contact":{"name":"Ana Souza","phones":[]}}""").text()).isEqualTo("Ana Souza");
    }

    @Test
    void unsupportedAndUnknownTypesReadAsNoText() {
        assertThat(parse(Fixtures.inbound("unsupported")))
                .extracting(SidecarMessage::type, SidecarMessage::text, SidecarMessage::media)
                .containsExactly(Type.UNSUPPORTED, "", "image");
        assertThat(parse("""
                {"messageId":"A","sender":"+5511987654321","type":"poll","text":"Qual?"}"""))
                .extracting(SidecarMessage::type, SidecarMessage::text).containsExactly(Type.UNSUPPORTED, "");
    }

    /** Baileys' content type names the media, so the chat can answer a voice note for what it is. */
    @ParameterizedTest
    @CsvSource({
            "audioMessage, audio", "imageMessage, image", "videoMessage, video", "documentMessage, document",
            "stickerMessage, sticker", "reactionMessage, reaction", "pollCreationMessage, "})
    void mediaIsNamedByItsKind(String kind, String media) {
        assertThat(parse("""
                {"messageId":"A","sender":"+5511987654321","type":"unsupported","text":"","kind":"%s"}"""
                .formatted(kind)).media()).isEqualTo(media);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[]",
            "{\"sender\":\"+5511987654321\",\"type\":\"text\",\"text\":\"oi\"}",
            "{\"messageId\":\"\",\"sender\":\"+5511987654321\",\"type\":\"text\",\"text\":\"oi\"}",
            "{\"messageId\":\"A\",\"type\":\"text\",\"text\":\"oi\"}",
            "{\"messageId\":\"A\",\"sender\":42,\"type\":\"text\",\"text\":\"oi\"}",
            "{\"messageId\":\"A\",\"sender\":\"+5511987654321\",\"text\":\"oi\"}",
            "{\"messageId\":\"A\",\"sender\":\"+5511987654321\",\"type\":\"location\",\"text\":\"\"}",
            "{\"messageId\":\"A\",\"sender\":\"+5511987654321\",\"type\":\"location\",\"location\":{\"latitude\":\"x\",\"longitude\":1}}",
            "{\"messageId\":\"A\",\"sender\":\"+5511987654321\",\"type\":\"location\",\"location\":{\"latitude\":91,\"longitude\":1}}"})
    void aBodyNotOfTheContractsShapeIsRefused(String body) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(SidecarMessage.InvalidShape.class);
    }
}
