package dev.wareg.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.platform.defaults.RequestBodyLimit;
import dev.wareg.testsupport.SettableClock;
import jakarta.servlet.http.Cookie;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web chat's controllers over MockMvc with the default limits, codes shown in the phone panel, and a clock tests
 * move: what the controller tests attack.
 */
final class WebChatApi {

    static final int MAX_BODY_BYTES = 1024;
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T12:00:00Z"));
    final RecordingEventBus bus = new RecordingEventBus();
    final Transcripts transcripts = new Transcripts(10, 10, Duration.ofHours(1), clock);
    final UUID messageId = UUID.fromString("0195a1b2-0000-7000-8000-000000000001");
    final OneTimeCodes codes = new OneTimeCodes(Duration.ofMinutes(5), 5, 100, clock, new SecureRandom());
    final CodeRequestLimits limits = new CodeRequestLimits(3, 10, Duration.ofMinutes(15), 100, clock);
    final Sessions sessions = new Sessions(Duration.ofMinutes(30), 100, clock, new SecureRandom());
    final PhonePanel panel = new PhonePanel(100, clock);
    final MockMvcTester mvc;

    WebChatApi() {
        var properties = new WebChatProperties(10, 10, Duration.ofHours(1),
                org.springframework.util.unit.DataSize.ofBytes(MAX_BODY_BYTES), Duration.ofSeconds(2),
                WebChatProperties.CodeDeliveryChannel.PHONE_PANEL,
                new WebChatProperties.Codes(Duration.ofMinutes(5), 5, 3, 10, Duration.ofMinutes(15), 100),
                new WebChatProperties.Sessions(Duration.ofMinutes(30), 100), false);
        mvc = MockMvcTester.create(MockMvcBuilders
                .standaloneSetup(
                        new WebChatController(new IncomingMessages(transcripts, bus, () -> messageId, clock),
                                transcripts, sessions),
                        new SessionController(codes, limits, panel, sessions, properties),
                        new PhonePanelController(panel))
                .addFilter(new RequestBodyLimit(MAX_BODY_BYTES, JsonMapper.builder()
                        .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build()), "/web-chat/api/*")
                .build());
    }

    MvcTestResult requestCode(String from, String client) {
        return mvc.post().uri("/web-chat/api/sessions/codes").contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\": \"" + from + "\"}")
                .with(request -> {
                    request.setRemoteAddr(client);
                    return request;
                })
                .exchange();
    }

    MvcTestResult signIn(String from, String code) {
        return mvc.post().uri("/web-chat/api/sessions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"from\": \"" + from + "\", \"code\": \"" + code + "\"}").exchange();
    }

    /** The code the number's (demo) phone received last. */
    String lastCode(String phone) {
        var messages = panel.messages(phone);
        assertThat(messages).as("messages on the phone of " + phone).isNotEmpty();
        Matcher code = CODE.matcher(messages.getLast().text());
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    /** Proves the number as the page does, and returns the session cookie. */
    Cookie session(String phone) {
        assertThat(requestCode(phone, "192.0.2.1")).hasStatus(HttpStatus.ACCEPTED);
        MvcTestResult signedIn = signIn(phone, lastCode(phone));
        assertThat(signedIn).hasStatus(HttpStatus.CREATED);
        return signedIn.getResponse().getCookie(SessionCookie.NAME);
    }

    MvcTestResult post(String json, Cookie... cookies) {
        var request = mvc.post().uri("/web-chat/api/messages").contentType(MediaType.APPLICATION_JSON).content(json);
        if (cookies.length > 0) {
            request.cookie(cookies);
        }
        return request.exchange();
    }

    /** @param session the session cookie, or null for none */
    MvcTestResult get(Cookie session, String uriTemplate, Object... variables) {
        var request = mvc.get().uri(uriTemplate, variables);
        if (session != null) {
            request.cookie(session);
        }
        return request.exchange();
    }
}
