package dev.wareg.chat.conversation;

import dev.wareg.fields.RegistrationFields;
import dev.wareg.fields.Validation;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who a sender is, as far as accounts go. A channel names the sender as it knows them: a phone in E.164 (the
 * Cloud API and the web chat), a phone as WhatsApp stores it (a Brazilian mobile often still without its ninth
 * digit), or an id that is no phone at all (Meta's business-scoped user id for people who hide their number, a
 * WhatsApp Web LID). Accounts are found by the phone, always in its canonical form; replies still go to the sender
 * exactly as the channel named them.
 */
public final class Senders {

    private static final String BRAZIL = "+55";

    private Senders() {
    }

    /** The sender's phone in the form accounts store it, or empty when the channel gave no phone. */
    static Optional<String> phone(String sender) {
        if (sender.indexOf('@') >= 0 || sender.indexOf('.') >= 0) {
            // A LID JID or a business-scoped user id ("BR.1234…"): digits in it are no phone.
            return Optional.empty();
        }
        return RegistrationFields.PHONE.validate(sender) instanceof Validation.Valid(String phone)
                ? Optional.of(phone) : Optional.empty();
    }

    /**
     * Every id a channel may have named this phone's owner by: E.164 with and without '+', and a Brazilian mobile
     * without its ninth digit in both. Used to find every copy of a person's conversation,
     * and the person's entries in the staff queue ({@code chat.handoff}).
     */
    public static Set<String> namesOf(String phone) {
        Set<String> names = new LinkedHashSet<>();
        names.add(phone);
        if (phone.startsWith(BRAZIL) && phone.length() == 14 && phone.charAt(5) == '9') {
            names.add(phone.substring(0, 5) + phone.substring(6));
        }
        for (String name : Set.copyOf(names)) {
            names.add(name.substring(1));
        }
        return names;
    }
}
