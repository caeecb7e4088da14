package dev.wareg.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.contracts.MessageReceived;
import jakarta.servlet.http.Cookie;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class WebChatControllerTests {

    private static final String ANA = "+5511987654321";
    private static final String BRUNO = "+5521987654321";

    private final WebChatApi api = new WebChatApi();

    @Test
    void acceptsAMessageFromTheSessionsNumberKeepsItAndHandsItToTheBotAsProven() {
        Cookie session = api.session(ANA);

        assertThat(api.post("""
                {"text": "oi"}
                """, session))
                .hasStatus(HttpStatus.ACCEPTED)
                .bodyJson().isEqualTo("""
                        {"messageId": "0195a1b2-0000-7000-8000-000000000001"}
                        """);

        assertThat(api.bus.published).containsExactly(new MessageReceived(api.messageId, api.clock.instant(),
                "web-chat", api.messageId.toString(), ANA, "oi", true));
        assertThat(api.transcripts.messages(ANA, Optional.empty()))
                .containsExactly(TranscriptMessage.incoming(api.messageId, "oi", api.clock.instant()));
    }

    @Test
    void acceptsTheSessionsOwnNumberInFromInAnyFormat() {
        Cookie session = api.session(ANA);

        assertThat(api.post("""
                {"from": "(11) 98765-4321", "text": "oi"}
                """, session)).hasStatus(HttpStatus.ACCEPTED);
    }

    @Test
    void refusesAMessageWithoutASession() {
        var result = api.post("""
                {"from": "+5511987654321", "text": "oi"}
                """);

        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("""
                        {"type": "/problems/session-required", "status": 401}
                        """);
        assertThat(api.bus.published).isEmpty();
        assertThat(api.transcripts.conversationCount()).isZero();
    }

    @Test
    void refusesAMessageWithAForgedOrEndedSession() {
        Cookie session = api.session(ANA);
        api.sessions.close(session.getValue());

        assertThat(api.post("{\"text\": \"oi\"}", session)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(api.post("{\"text\": \"oi\"}", new Cookie(SessionCookie.NAME, "forged")))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(api.bus.published).isEmpty();
    }

    /** Found by fuzzing: Spring's {@code @CookieValue} URL-decodes, and a stray '%' made it throw (a 500). */
    @Test
    void aSessionCookieThatCannotBeDecodedIsNoSessionNotAServerError() {
        api.session(ANA);
        for (String value : new String[] {"%", "%zz", "abc%"}) {
            Cookie undecodable = new Cookie(SessionCookie.NAME, value);

            assertThat(api.post("{\"text\": \"oi\"}", undecodable)).as(value).hasStatus(HttpStatus.UNAUTHORIZED);
            assertThat(api.get(undecodable, "/web-chat/api/messages")).as(value).hasStatus(HttpStatus.UNAUTHORIZED);
            assertThat(api.get(undecodable, "/web-chat/api/conversations/{from}/messages", ANA)).as(value)
                    .hasStatus(HttpStatus.UNAUTHORIZED);
            assertThat(api.get(undecodable, "/web-chat/api/sessions/current")).as(value)
                    .hasStatus(HttpStatus.UNAUTHORIZED);
            assertThat(api.mvc.delete().uri("/web-chat/api/sessions").cookie(undecodable).exchange()).as(value)
                    .hasStatus(HttpStatus.NO_CONTENT);
        }
        assertThat(api.bus.published).isEmpty();
    }

    @Test
    void refusesASessionForOneNumberPostingAsAnother() {
        Cookie anasSession = api.session(ANA);

        assertThat(api.post("""
                {"from": "+5521987654321", "text": "quero mudar meu email"}
                """, anasSession))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("""
                        {"type": "/problems/other-number", "status": 403}
                        """);
        assertThat(api.bus.published).isEmpty();
    }

    @Test
    void acceptsAnEmptyText() {
        Cookie session = api.session(ANA);

        assertThat(api.post("{\"text\": \"\"}", session)).hasStatus(HttpStatus.ACCEPTED);

        assertThat(api.bus.published).singleElement()
                .extracting(event -> ((MessageReceived) event).text()).isEqualTo("");
    }

    @Test
    void refusesAFromThatIsNotAPhoneAndSaysHowToWriteIt() {
        Cookie session = api.session(ANA);
        var result = api.post("""
                {"from": "meu telefone", "text": "oi"}
                """, session);

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
        assertThat(api.bus.published).isEmpty();
    }

    @Test
    void refusesAMessageWithoutText() {
        Cookie session = api.session(ANA);

        assertThat(api.post("{}", session))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().isLenientlyEqualTo("""
                        {"errors": [{"field": "text", "code": "missing"}]}
                        """);
        assertThat(api.bus.published).isEmpty();
    }

    @Test
    void refusesABodyOverTheLimitBeforeReadingIt() {
        Cookie session = api.session(ANA);
        String text = "a".repeat(WebChatApi.MAX_BODY_BYTES);

        assertThat(api.post("{\"text\": \"" + text + "\"}", session))
                .hasStatus(HttpStatus.CONTENT_TOO_LARGE)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("""
                        {"type": "/problems/content-too-large", "status": 413}
                        """);
        assertThat(api.bus.published).isEmpty();
    }

    @Test
    void keepsThePersonsOwnValuesMaskedInTheTranscriptButHandsThemToTheBotAsWritten() {
        Cookie session = api.session(ANA);

        api.post("{\"text\": \"maria@exemplo.com.br, cpf 123.456.789-09\"}", session);

        assertThat(api.bus.published).singleElement()
                .extracting(event -> ((MessageReceived) event).text())
                .isEqualTo("maria@exemplo.com.br, cpf 123.456.789-09");
        assertThat(api.get(session, "/web-chat/api/messages")).bodyJson()
                .extractingPath("$[0].text").isEqualTo("m***@exemplo.com.br, cpf ***.***.***-09");
    }

    @Test
    void showsTheSessionsTranscript() {
        Cookie session = api.session(ANA);
        api.transcripts.append(ANA, TranscriptMessage.incoming(api.messageId, "oi", api.clock.instant()));

        assertThat(api.get(session, "/web-chat/api/messages"))
                .hasStatusOk()
                .hasHeader("Cache-Control", "no-store")
                .bodyJson().isStrictlyEqualTo("""
                        [{"id": "0195a1b2-0000-7000-8000-000000000001", "direction": "in", "text": "oi",
                          "buttons": [], "at": "2026-03-01T12:00:00Z"}]
                        """);
        assertThat(api.get(session, "/web-chat/api/messages?after={id}", api.messageId))
                .hasStatusOk().bodyJson().isEqualTo("[]");
    }

    @Test
    void showsTheTranscriptByTheSessionsOwnNumberInAnyFormat() {
        Cookie session = api.session(ANA);
        api.transcripts.append(ANA, TranscriptMessage.incoming(api.messageId, "oi", api.clock.instant()));

        assertThat(api.get(session, "/web-chat/api/conversations/{from}/messages", "(11) 98765-4321"))
                .hasStatusOk()
                .bodyJson().extractingPath("$[0].text").isEqualTo("oi");
    }

    @Test
    void refusesToShowATranscriptWithoutASession() {
        api.transcripts.append(ANA, TranscriptMessage.incoming(api.messageId, "oi", api.clock.instant()));

        assertThat(api.get(null, "/web-chat/api/conversations/{from}/messages", ANA))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .body().asString().doesNotContain("oi");
        assertThat(api.get(null, "/web-chat/api/messages")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void refusesToShowAnotherNumbersTranscript() {
        api.transcripts.append(BRUNO, TranscriptMessage.incoming(api.messageId, "segredo", api.clock.instant()));
        Cookie anasSession = api.session(ANA);

        assertThat(api.get(anasSession, "/web-chat/api/conversations/{from}/messages", BRUNO))
                .hasStatus(HttpStatus.FORBIDDEN)
                .body().asString().doesNotContain("segredo");
    }

    @Test
    void refusesToShowATranscriptForSomethingThatIsNotAPhone() {
        Cookie session = api.session(ANA);

        assertThat(api.get(session, "/web-chat/api/conversations/{from}/messages", "abc"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().isLenientlyEqualTo("""
                        {"errors": [{"field": "from", "code": "format"}]}
                        """);
    }
}
