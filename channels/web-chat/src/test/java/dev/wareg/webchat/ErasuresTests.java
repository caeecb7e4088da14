package dev.wareg.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.contracts.AccountErased;
import jakarta.servlet.http.Cookie;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ErasuresTests {

    private static final String ANA = "+5511987654321";
    private static final String BRUNO = "+5521987654321";

    private final WebChatApi api = new WebChatApi();
    private final Erasures erasures = new Erasures(api.bus, api.transcripts, api.sessions, api.codes, api.limits,
            Optional.of(api.panel));

    @Test
    void subscribesToErasuresAsTheWebChat() {
        erasures.afterSingletonsInstantiated();

        assertThat(api.bus.subscribers).containsExactly("web-chat");
        assertThat(api.bus.subscribedTypes).containsExactly(AccountErased.class);
    }

    @Test
    void anErasedAccountsTranscriptSessionsAndCodesAreForgotten() {
        Cookie session = api.session(ANA);
        api.post("{\"text\": \"oi\"}", session);
        api.transcripts.append(BRUNO, TranscriptMessage.incoming(UUID.randomUUID(), "oi", api.clock.instant()));
        api.requestCode(ANA, "192.0.2.7");
        String pendingCode = api.lastCode(ANA);

        erasures.forget(new AccountErased(UUID.randomUUID(), api.clock.instant(), null, UUID.randomUUID(), ANA,
                null, null));

        assertThat(api.transcripts.messages(ANA, Optional.empty())).isEmpty();
        assertThat(api.transcripts.messages(BRUNO, Optional.empty())).hasSize(1);
        assertThat(api.get(session, "/web-chat/api/messages")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(api.panel.messages(ANA)).isEmpty();
        assertThat(api.signIn(ANA, pendingCode)).hasStatus(HttpStatus.UNAUTHORIZED);
    }
}
