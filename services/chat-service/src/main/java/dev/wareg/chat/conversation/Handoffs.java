package dev.wareg.chat.conversation;

import dev.wareg.chat.ChatProperties;
import dev.wareg.contracts.HandoffRequested;
import dev.wareg.platform.defaults.IdGenerator;
import java.time.Clock;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Hand-off to a person, told truthfully: a {@link HandoffRequested} is published only where the deployment says
 * someone consumes and answers it ({@link ChatProperties.Handoff#staffed()}); elsewhere the person hears that no one
 * can take over in this chat and, where configured, how to reach support.
 */
@Component
class Handoffs {

    private final ChatProperties.Handoff settings;
    private final Phrasebook phrasebook;
    private final IdGenerator ids;
    private final Clock clock;

    Handoffs(ChatProperties properties, Phrasebook phrasebook, IdGenerator ids, Clock clock) {
        this.settings = properties.handoff();
        this.phrasebook = phrasebook;
        this.ids = ids;
        this.clock = clock;
    }

    boolean staffed() {
        return settings.staffed();
    }

    HandoffRequested requested(Conversation conversation) {
        return new HandoffRequested(ids.next(), clock.instant(), conversation.channel(), conversation.sender(),
                conversation.language().toLanguageTag());
    }

    String nobodyAvailable(Locale language) {
        return settings.supportContact().isBlank() ? phrasebook.say(language, "handoff.unavailable")
                : phrasebook.say(language, "handoff.unavailable.contact", settings.supportContact());
    }
}
