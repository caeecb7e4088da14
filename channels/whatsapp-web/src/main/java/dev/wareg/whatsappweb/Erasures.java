package dev.wareg.whatsappweb;

import dev.wareg.contracts.AccountErased;
import dev.wareg.platform.messaging.ErasedPerson;
import dev.wareg.platform.messaging.EventBus;
import dev.wareg.platform.messaging.PermanentFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * When an account is erased, the sidecar forgets the person ({@code POST /erasures}, {@code docs/channels.md}): the
 * messages they sent that wait in its forward outbox (Redis) until this side accepts them, and the signal keys and
 * in-memory traces it keeps about them. The person is named in the contract's sender forms: every digit form of the
 * phone (a Brazilian mobile with and without its ninth digit, {@link ErasedPerson#digits}) and, when the erasure was
 * asked on this channel by a sender known only by a LID, that LID, and every LID of this channel linked to the account
 * ({@code AccountErased.senders}). A LID the sidecar never saw mapped to the phone, and never linked, cannot be found
 * from an account (docs/privacy.md).
 *
 * <p>A sidecar that does not answer, or answers 5xx, gets the event again (the bus's retries, then a dead letter an
 * operator re-drives); a 400 or 401 cannot get better and is a dead letter at once.
 *
 * <p>With the RabbitMQ bus account-api does not list this subscriber in {@code expected-subscribers}: most
 * deployments run no WhatsApp Web channel, and there a queue nobody reads would keep every erased phone. An erasure
 * announced before this channel first ran therefore does not reach it; its sidecar could only hold messages this
 * side never took, which an operator finds in the outbox (docs/channels.md).
 */
class Erasures implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Erasures.class);
    /** The only form of a sender id the sidecar's contract takes besides a phone. */
    private static final Pattern LID = Pattern.compile("[0-9]{1,32}@lid");

    private final EventBus bus;
    private final SidecarClient sidecar;

    Erasures(EventBus bus, SidecarClient sidecar) {
        this.bus = bus;
        this.sidecar = sidecar;
    }

    @Override
    public void afterSingletonsInstantiated() {
        bus.subscribe(OutboundMessages.SUBSCRIBER, AccountErased.class, this::forget);
    }

    void forget(AccountErased erased) throws PermanentFailure {
        SidecarAnswer answer = sidecar.forget(erased.eventId(), senders(erased));
        if (answer instanceof SidecarAnswer.Failed failed) {
            if (failed.failure().retryable()) {
                throw new IllegalStateException("The sidecar did not forget yet: " + failed.reason());
            }
            throw new PermanentFailure(failed.reason());
        }
        log.info("The sidecar forgot the person of erased account {}", erased.accountId());
    }

    /** The person as the sidecar's messages name their sender. */
    static List<String> senders(AccountErased erased) {
        var senders = new ArrayList<String>();
        for (String digits : ErasedPerson.digits(erased.phone())) {
            senders.add('+' + digits);
        }
        if (WhatsAppWebConfiguration.CHANNEL.equals(erased.channel()) && erased.conversationId().endsWith("@lid")) {
            senders.add(erased.conversationId());
        }
        String linkedHere = WhatsAppWebConfiguration.CHANNEL + ':';
        erased.senders().stream().filter(linked -> linked.startsWith(linkedHere))
                .map(linked -> linked.substring(linkedHere.length()))
                .filter(lid -> LID.matcher(lid).matches() && !senders.contains(lid))
                .forEach(senders::add);
        return List.copyOf(senders);
    }
}
