package dev.wareg.webchat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's stand-in for the number's phone, where no WhatsApp is linked: the code messages "sent" to a number are
 * kept here and shown on the page in a panel labelled as that phone ({@link PhonePanelController}). It proves
 * nothing about who holds the number, which is why it only exists when {@code wareg.web-chat.code-delivery} is
 * {@code phone-panel}, and why that mode belongs on a loopback address.
 *
 * <p>Bounded like the codes: a message is forgotten when its code expires, a number keeps its last
 * {@value #PER_PHONE}, and at most {@code maxPhones} numbers are kept (the least recently written to goes first).
 */
final class PhonePanel implements CodeDelivery {

    static final int PER_PHONE = 3;

    private final int maxPhones;
    private final Clock clock;
    private final LinkedHashMap<String, Deque<Message>> inboxes = new LinkedHashMap<>();

    PhonePanel(int maxPhones, Clock clock) {
        if (maxPhones < 1) {
            throw new IllegalArgumentException("maxPhones must be positive");
        }
        this.maxPhones = maxPhones;
        this.clock = clock;
    }

    /** @param at when the phone received it; {@code expiresAt} when the code in it stops working */
    record Message(String text, Instant at, Instant expiresAt) {
    }

    @Override
    public synchronized void deliver(String phone, String code, Duration validity) {
        Instant now = clock.instant();
        forgetExpired(now);
        Deque<Message> inbox = inboxes.remove(phone);
        if (inbox == null) {
            inbox = new ArrayDeque<>();
        }
        inbox.addLast(new Message(CodeMessage.text(code, validity), now, now.plus(validity)));
        if (inbox.size() > PER_PHONE) {
            inbox.removeFirst();
        }
        inboxes.putLast(phone, inbox);
        if (inboxes.size() > maxPhones) {
            inboxes.pollFirstEntry();
        }
    }

    /** What the number's phone shows, oldest first. */
    synchronized List<Message> messages(String phone) {
        forgetExpired(clock.instant());
        Deque<Message> inbox = inboxes.get(phone);
        return inbox == null ? List.of() : List.copyOf(inbox);
    }

    synchronized void forget(String phone) {
        inboxes.remove(phone);
    }

    private void forgetExpired(Instant now) {
        Iterator<Map.Entry<String, Deque<Message>>> entries = inboxes.entrySet().iterator();
        while (entries.hasNext()) {
            Deque<Message> inbox = entries.next().getValue();
            inbox.removeIf(message -> !message.expiresAt().isAfter(now));
            if (inbox.isEmpty()) {
                entries.remove();
            }
        }
    }
}
