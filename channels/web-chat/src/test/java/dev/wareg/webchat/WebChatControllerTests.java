package dev.wareg.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.contracts.MessageReceived;
import dev.wareg.platform.defaults.RequestBodyLimit;
import dev.wareg.testsupport.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.json.JsonMapper;

class WebChatControllerTests {

    private static final int MAX_BODY_BYTES = 1024;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final RecordingEventBus bus = new RecordingEventBus();
    private final Transcripts transcripts = new Transcripts(10, 10, Duration.ofHours(1), clock);
    private final UUID messageId = UUID.fromString("0195a1b2-0000-7000-8000-000000000001");
    private final MockMvcTester mvc = MockMvcTester.create(MockMvcBuilders
            .standaloneSetup(new WebChatController(
                    new IncomingMessages(transcripts, bus, () -> messageId, clock), transcripts))
            .addFilter(new RequestBodyLimit(MAX_BODY_BYTES, JsonMapper.builder()
                    .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build()), "/web-chat/api/*")
            .build());

    @Test
    void acceptsAMessageKeepsItInTheTranscriptAndHandsItToTheBot() {
        assertThat(post("""
                {"from": "(11) 98765-4321", "text": "oi"}
                """))
                .hasStatus(HttpStatus.ACCEPTED)
                .bodyJson().isEqualTo("""
                        {"messageId": "0195a1b2-0000-7000-8000-000000000001"}
                        """);

        assertThat(bus.published).containsExactly(new MessageReceived(messageId, clock.instant(), "web-chat",
                messageId.toString(), "+5511987654321", "oi", true));
        assertThat(transcripts.messages("+5511987654321", Optional.empty()))
                .containsExactly(TranscriptMessage.incoming(messageId, "oi", clock.instant()));
    }

    @Test
    void acceptsAnEmptyText() {
        assertThat(post("""
                {"from": "+5511987654321", "text": ""}
                """)).hasStatus(HttpStatus.ACCEPTED);

        assertThat(bus.published).singleElement()
                .extracting(event -> ((MessageReceived) event).text()).isEqualTo("");
    }

    @Test
    void refusesAPhoneThatIsNotANumberAndSaysHowToWriteIt() {
        var result = post("""
                {"from": "meu telefone", "text": "oi"}
                """);

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("""
                        {
                          "type": "/problems/validation",
                          "status": 400,
                          "detail": "`from` is not a phone number: write it with area code, such as +55 11 98765-4321.",
                          "errors": [{"field": "from", "code": "format"}]
                        }
                        """);
        assertThat(result).body().asString().doesNotContain("meu telefone");
        assertThat(bus.published).isEmpty();
    }

    @Test
    void refusesAPhoneThatCannotExist() {
        assertThat(post("""
                {"from": "(11) 1234", "text": "oi"}
                """))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().isLenientlyEqualTo("""
                        {"errors": [{"field": "from", "code": "invalid"}]}
                        """);
    }

    @Test
    void refusesAMessageWithoutPhoneOrText() {
        assertThat(post("{}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().isLenientlyEqualTo("""
                        {"errors": [{"field": "from", "code": "empty"}, {"field": "text", "code": "missing"}]}
                        """);
        assertThat(bus.published).isEmpty();
    }

    @Test
    void refusesABodyOverTheLimitBeforeReadingIt() {
        String text = "a".repeat(MAX_BODY_BYTES);

        assertThat(post("{\"from\": \"+5511987654321\", \"text\": \"" + text + "\"}"))
                .hasStatus(HttpStatus.CONTENT_TOO_LARGE)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("""
                        {"type": "/problems/content-too-large", "status": 413}
                        """);
        assertThat(bus.published).isEmpty();
    }

    @Test
    void showsTheTranscriptForThePhoneInAnyFormat() {
        transcripts.append("+5511987654321", TranscriptMessage.incoming(messageId, "oi", clock.instant()));

        assertThat(mvc.get().uri("/web-chat/api/conversations/{from}/messages", "(11) 98765-4321"))
                .hasStatusOk()
                .hasHeader("Cache-Control", "no-store")
                .bodyJson().isStrictlyEqualTo("""
                        [{"id": "0195a1b2-0000-7000-8000-000000000001", "direction": "in", "text": "oi",
                          "buttons": [], "at": "2026-03-01T12:00:00Z"}]
                        """);
    }

    @Test
    void showsOnlyTheMessagesAfterTheGivenOne() {
        transcripts.append("+5511987654321", TranscriptMessage.incoming(messageId, "oi", clock.instant()));

        assertThat(mvc.get().uri("/web-chat/api/conversations/{from}/messages?after={id}", "+5511987654321",
                messageId))
                .hasStatusOk()
                .bodyJson().isEqualTo("[]");
    }

    @Test
    void showsAnEmptyTranscriptForAnUnknownConversation() {
        assertThat(mvc.get().uri("/web-chat/api/conversations/{from}/messages", "+5511987654321"))
                .hasStatusOk()
                .bodyJson().isEqualTo("[]");
    }

    @Test
    void refusesToShowATranscriptForSomethingThatIsNotAPhone() {
        assertThat(mvc.get().uri("/web-chat/api/conversations/{from}/messages", "abc"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().isLenientlyEqualTo("""
                        {"errors": [{"field": "from", "code": "format"}]}
                        """);
    }

    private MvcTestResult post(String json) {
        return mvc.post().uri("/web-chat/api/messages").contentType(MediaType.APPLICATION_JSON).content(json)
                .exchange();
    }
}
