package dev.wareg.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The sign-in by one-time code, attacked the ways an attacker would try. */
class SessionControllerTests {

    private static final String ANA = "+5511987654321";
    private static final String BRUNO = "+5521987654321";
    private static final String CLIENT = "192.0.2.1";

    private final WebChatApi api = new WebChatApi();

    @Test
    void sendsACodeToTheNumberAndSaysWhereToLookWithoutSayingWhetherItHasAnAccount() {
        assertThat(api.requestCode("(11) 98765-4321", CLIENT))
                .hasStatus(HttpStatus.ACCEPTED)
                .hasHeader("Cache-Control", "no-store")
                .bodyJson().isStrictlyEqualTo("""
                        {"delivery": "phone-panel", "validSeconds": 300}
                        """);

        assertThat(api.panel.messages(ANA)).singleElement().satisfies(message -> assertThat(message.text())
                .matches("Seu código para o chat na web é \\d{6}\\. Ele vale por 5 minutos\\. "
                        + "Se não foi você, ignore esta mensagem\\."));
    }

    @Test
    void answersTheSameForAnyNumberRegisteredOrNot() throws Exception {
        // The web chat knows no accounts; what matters is that nothing in the answer depends on the number.
        MvcTestResult one = api.requestCode(ANA, CLIENT);
        MvcTestResult other = api.requestCode(BRUNO, "192.0.2.2");

        assertThat(one.getResponse().getStatus()).isEqualTo(other.getResponse().getStatus());
        assertThat(one).body().asString().isEqualTo(other.getResponse().getContentAsString());
        assertThat(one.getResponse().getHeaderNames()).isEqualTo(other.getResponse().getHeaderNames());
    }

    @Test
    void theRightCodeOpensASessionInAnHttpOnlySameSiteStrictCookie() {
        assertThat(api.requestCode(ANA, CLIENT)).hasStatus(HttpStatus.ACCEPTED);

        MvcTestResult signedIn = api.signIn("(11) 98765-4321", api.lastCode(ANA));

        assertThat(signedIn).hasStatus(HttpStatus.CREATED).bodyJson().isStrictlyEqualTo("""
                {"phone": "+5511987654321"}
                """);
        String setCookie = signedIn.getResponse().getHeader(HttpHeaders.SET_COOKIE);
        assertThat(setCookie).startsWith(SessionCookie.NAME + "=")
                .contains("; Path=/web-chat", "; HttpOnly", "; SameSite=Strict")
                .doesNotContain("Max-Age", "Secure", "5511");
        Cookie session = signedIn.getResponse().getCookie(SessionCookie.NAME);
        assertThat(session.getValue()).matches("[A-Za-z0-9_-]{43}");
        assertThat(api.mvc.get().uri("/web-chat/api/sessions/current").cookie(session))
                .hasStatusOk().bodyJson().isStrictlyEqualTo("""
                        {"phone": "+5511987654321"}
                        """);
    }

    @Test
    void theCookieIsSecureWhenThePageCameOverHttps() {
        api.requestCode(ANA, CLIENT);

        var signedIn = api.mvc.post().uri("https://chat.example/web-chat/api/sessions").secure(true)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\": \"" + ANA + "\", \"code\": \"" + api.lastCode(ANA) + "\"}").exchange();

        assertThat(signedIn.getResponse().getHeader(HttpHeaders.SET_COOKIE)).contains("; Secure");
    }

    @Test
    void aWrongCodeIsRefusedAndOpensNothing() {
        api.requestCode(ANA, CLIENT);

        MvcTestResult refused = api.signIn(ANA, OneTimeCodesTests.wrong(api.lastCode(ANA)));

        assertThat(refused).hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("""
                        {"type": "/problems/invalid-code", "status": 401}
                        """);
        assertThat(refused.getResponse().getHeader(HttpHeaders.SET_COOKIE)).isNull();
        assertThat(api.sessions.count()).isZero();
    }

    @Test
    void bruteForceBurnsTheCodeAfterFiveWrongTries() {
        api.requestCode(ANA, CLIENT);
        String code = api.lastCode(ANA);
        for (int i = 0; i < 5; i++) {
            assertThat(api.signIn(ANA, OneTimeCodesTests.wrong(code))).hasStatus(HttpStatus.UNAUTHORIZED);
        }

        assertThat(api.signIn(ANA, code)).as("the right code, after 5 wrong ones").hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(api.sessions.count()).isZero();
    }

    @Test
    void aReplayedCodeIsRefused() {
        api.requestCode(ANA, CLIENT);
        String code = api.lastCode(ANA);
        assertThat(api.signIn(ANA, code)).hasStatus(HttpStatus.CREATED);

        assertThat(api.signIn(ANA, code)).hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson().isLenientlyEqualTo("""
                        {"type": "/problems/invalid-code"}
                        """);
    }

    @Test
    void anExpiredCodeIsRefused() {
        api.requestCode(ANA, CLIENT);
        String code = api.lastCode(ANA);
        api.clock.advance(Duration.ofMinutes(5));

        assertThat(api.signIn(ANA, code)).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aCodeForAnotherNumberIsRefused() {
        api.requestCode(BRUNO, CLIENT);

        assertThat(api.signIn(ANA, api.lastCode(BRUNO))).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void refusesMoreThanThreeCodesPerNumberIn15MinutesFromAnyClients() {
        for (int i = 0; i < 3; i++) {
            assertThat(api.requestCode(ANA, "192.0.2." + (10 + i))).hasStatus(HttpStatus.ACCEPTED);
        }
        assertThat(api.panel.messages(ANA)).hasSize(3);
        api.clock.advance(Duration.ofMinutes(5));

        MvcTestResult refused = api.requestCode(ANA, "192.0.2.99");

        assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
                .hasHeader(HttpHeaders.RETRY_AFTER, "600")
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("""
                        {"type": "/problems/too-many-code-requests", "status": 429}
                        """);
        assertThat(api.codes.pendingCount()).as("no code was made").isZero();
        api.clock.advance(Duration.ofMinutes(10));
        assertThat(api.requestCode(ANA, "192.0.2.99")).hasStatus(HttpStatus.ACCEPTED);
    }

    @Test
    void refusesMoreThanTenCodesPerClientIn15MinutesWhateverTheNumbers() {
        for (int i = 0; i < 10; i++) {
            assertThat(api.requestCode("+55119876543" + (10 + i), CLIENT)).hasStatus(HttpStatus.ACCEPTED);
        }

        assertThat(api.requestCode(ANA, CLIENT)).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
                .hasHeader(HttpHeaders.RETRY_AFTER, "900");
        assertThat(api.panel.messages(ANA)).isEmpty();
    }

    @Test
    void theLimitsAnswerTheSameForAnyNumber() throws Exception {
        for (int i = 0; i < 3; i++) {
            api.requestCode(ANA, "192.0.2." + i);
            api.requestCode(BRUNO, "192.0.2." + (50 + i));
        }

        MvcTestResult one = api.requestCode(ANA, "192.0.2.99");
        MvcTestResult other = api.requestCode(BRUNO, "192.0.2.98");

        assertThat(one).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(one).body().asString().isEqualTo(other.getResponse().getContentAsString());
    }

    @Test
    void refusesSomethingThatIsNotAPhone() {
        assertThat(api.requestCode("meu telefone", CLIENT)).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().isLenientlyEqualTo("""
                        {"errors": [{"field": "from", "code": "format"}]}
                        """);
        assertThat(api.signIn("", "123456")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void loggingOutEndsTheSessionAndClearsTheCookie() {
        Cookie session = api.session(ANA);

        var loggedOut = api.mvc.delete().uri("/web-chat/api/sessions").cookie(session).exchange();

        assertThat(loggedOut).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(loggedOut.getResponse().getHeader(HttpHeaders.SET_COOKIE))
                .contains(SessionCookie.NAME + "=;", "Max-Age=0", "; Path=/web-chat");
        assertThat(api.post("{\"text\": \"oi\"}", session)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(api.mvc.get().uri("/web-chat/api/sessions/current").cookie(session))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void withoutASessionThereIsNoCurrentNumber() {
        assertThat(api.mvc.get().uri("/web-chat/api/sessions/current")).hasStatus(HttpStatus.UNAUTHORIZED)
                .bodyJson().isLenientlyEqualTo("""
                        {"type": "/problems/session-required"}
                        """);
    }

    @Test
    void theDemoPhonePanelShowsTheCodeSentToTheNumber() {
        api.requestCode(ANA, CLIENT);

        assertThat(api.mvc.get().uri("/web-chat/api/phone-panel?phone={phone}", "(11) 98765-4321"))
                .hasStatusOk()
                .hasHeader("Cache-Control", "no-store")
                .bodyJson().isLenientlyEqualTo("""
                        {"phone": "+5511987654321", "messages": [{"at": "2026-03-01T12:00:00Z"}]}
                        """);
    }
}
