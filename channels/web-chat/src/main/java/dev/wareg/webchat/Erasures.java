package dev.wareg.webchat;

import dev.wareg.contracts.AccountErased;
import dev.wareg.fields.RegistrationFields;
import dev.wareg.platform.messaging.EventBus;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * When an account is erased, the web chat forgets everything it holds about its number: the transcript, the
 * sessions bound to it (a browser still open on it is signed out), a pending code, the code request count, and the
 * demo phone panel's messages.
 *
 * <p>With the RabbitMQ bus no publisher needs to expect this subscriber ({@code expected-subscribers}): all of it is
 * in memory, so a web chat that never ran (and has no queue yet) holds nothing to forget.
 */
class Erasures implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Erasures.class);

    private final EventBus bus;
    private final Transcripts transcripts;
    private final Sessions sessions;
    private final OneTimeCodes codes;
    private final CodeRequestLimits limits;
    private final Optional<PhonePanel> panel;

    Erasures(EventBus bus, Transcripts transcripts, Sessions sessions, OneTimeCodes codes, CodeRequestLimits limits,
             Optional<PhonePanel> panel) {
        this.bus = bus;
        this.transcripts = transcripts;
        this.sessions = sessions;
        this.codes = codes;
        this.limits = limits;
        this.panel = panel;
    }

    @Override
    public void afterSingletonsInstantiated() {
        bus.subscribe(WebChatConfiguration.CHANNEL, AccountErased.class, this::forget);
    }

    void forget(AccountErased erased) {
        String phone = erased.phone();
        transcripts.forget(phone);
        sessions.closeAll(phone);
        codes.forget(phone);
        limits.forget(phone);
        panel.ifPresent(inbox -> inbox.forget(phone));
        log.info("Web chat forgot {} after its account {} was erased", RegistrationFields.PHONE.mask().apply(phone),
                erased.accountId());
    }
}
