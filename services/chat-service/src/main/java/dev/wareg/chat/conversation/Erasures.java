package dev.wareg.chat.conversation;

import dev.wareg.chat.interpretation.Intent;
import dev.wareg.chat.interpretation.Interpretation;
import dev.wareg.contracts.AccountErasureRequested;
import dev.wareg.contracts.SendMessage.Button;
import dev.wareg.platform.defaults.IdGenerator;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Erasure asked for in the chat (LGPD art. 18, VI): the person is told what is erased and what the law makes the
 * company keep, confirms, and the worker erases the account; the outcome is told by {@link Conversations}. Only a
 * proven sender gets here ({@link Conversations} answers the others before any account is looked up), and only the
 * account of the number they write from can be erased.
 */
@Component
class Erasures {

    private final AccountDirectory accounts;
    private final Phrasebook phrasebook;
    private final IdGenerator ids;
    private final Clock clock;

    Erasures(AccountDirectory accounts, Phrasebook phrasebook, IdGenerator ids, Clock clock) {
        this.accounts = accounts;
        this.phrasebook = phrasebook;
        this.ids = ids;
        this.clock = clock;
    }

    /** "apagar meus dados": what goes and what stays, then the question; whatever was under way is dropped. */
    Turn ask(Conversation conversation) {
        if (conversation.stage() == Stage.APPLYING || conversation.stage() == Stage.ERASING) {
            return Turn.of(conversation, say(conversation, conversation.stage() == Stage.ERASING
                    ? "erasure.wait" : "applying.wait"));
        }
        Optional<AccountSnapshot> account = accounts.findByPhone(conversation.phone());
        if (account.isEmpty()) {
            return Turn.of(conversation.reset(), say(conversation, "erasure.none"));
        }
        Conversation asked = conversation.confirmingErasure(account.get());
        return Turn.of(asked, question(asked));
    }

    Turn confirming(Conversation conversation, Interpretation meaning) {
        return switch (meaning.intent()) {
            case AFFIRM, DELETE_MY_DATA -> {
                var request = new AccountErasureRequested(ids.next(), clock.instant(), conversation.accountId(),
                        conversation.channel(), conversation.sender());
                yield new Turn(conversation.erasing(request.eventId()), List.of(say(conversation, "erasure.applying")),
                        List.of(request));
            }
            case DENY, CANCEL, KEEP -> Turn.of(conversation.reset(), say(conversation, "erasure.kept"));
            default -> Turn.of(conversation, new Reply(phrasebook.say(conversation.language(), "erasure.repeat"),
                    buttons(conversation)));
        };
    }

    /** What will be erased and kept, and whether to go on. */
    Reply question(Conversation conversation) {
        return new Reply(phrasebook.say(conversation.language(), "erasure.ask"), buttons(conversation));
    }

    private List<Button> buttons(Conversation conversation) {
        return List.of(new Button("erase", phrasebook.say(conversation.language(), "button.erase")),
                new Button("keep", phrasebook.say(conversation.language(), "button.keep.data")));
    }

    private Reply say(Conversation conversation, String key) {
        return Reply.text(phrasebook.say(conversation.language(), key));
    }
}
