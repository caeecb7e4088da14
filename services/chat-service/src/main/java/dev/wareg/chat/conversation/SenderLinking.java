package dev.wareg.chat.conversation;

import dev.wareg.chat.interpretation.Intent;
import dev.wareg.chat.interpretation.Interpretation;
import dev.wareg.contracts.RegistrationUpdateApplied;
import dev.wareg.contracts.SendMessage;
import dev.wareg.contracts.SendMessage.Button;
import dev.wareg.platform.defaults.IdGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A sender the channel names only by an id that is no phone (Meta's business-scoped user id for people who hide their
 * number, a WhatsApp Web LID) proves a phone before anything of an account is shown or changed: they share their own
 * contact card or type their number, a six-digit code is sent over WhatsApp to that number (on the conversation's
 * channel, the phone as recipient), and they type it back here. Only the holder of the number reads the code, so the
 * sender id is then linked to the number: in account-api when the number has an account ({@link SenderDirectory}),
 * otherwise in the conversation until the registration made from it is applied, and then in account-api.
 * <p>
 * The code follows {@link ContactProofs}' rules (expiry, attempts, sends, constant-time comparison, a salted hash
 * kept instead of the code), and the limit on codes per number across senders ({@link CodesPerNumber}). Until the
 * code is proven, every answer is the same whether the number has an account or not: no account is looked up by the
 * number before then. Codes and numbers are never logged.
 */
@Component
class SenderLinking {

    static final String FIELD = "link";
    private static final Logger log = LoggerFactory.getLogger(SenderLinking.class);
    /** Where the number being proven waits, beside the proof, while the code is awaited. */
    private static final String NUMBER = "phone";

    private final ContactProofs proofs;
    private final CodesPerNumber codesPerNumber;
    private final SenderDirectory senders;
    private final AccountDirectory accounts;
    private final Phrasebook phrasebook;
    private final IdGenerator ids;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SenderLinking(ContactProofs proofs, CodesPerNumber codesPerNumber, SenderDirectory senders,
                  AccountDirectory accounts, Phrasebook phrasebook, IdGenerator ids, Clock clock) {
        this.proofs = proofs;
        this.codesPerNumber = codesPerNumber;
        this.senders = senders;
        this.accounts = accounts;
        this.phrasebook = phrasebook;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * The conversation as the owner of the phone its sender is linked to, or empty while none is. A link kept in
     * the conversation (the number had no account when it was proven) is written to account-api once the number has
     * an account.
     *
     * @throws AccountDirectory.AccountDirectoryUnavailable when account-api cannot answer now
     */
    Optional<Conversation> linked(Conversation conversation) {
        Optional<AccountSnapshot> account = senders.findBySender(conversation.channel(), conversation.sender());
        if (account.isPresent() && account.get().value("phone") != null) {
            return Optional.of(conversation.linkedTo(account.get().value("phone")));
        }
        String proven = conversation.linkedPhone();
        if (proven == null) {
            return Optional.empty();
        }
        Optional<AccountSnapshot> registered = accounts.findByPhone(proven);
        if (registered.isPresent() && !write(registered.get(), conversation)) {
            return Optional.of(conversation.unlinked());
        }
        return Optional.of(conversation);
    }

    /**
     * A registration made by a linked sender was applied: the link kept in the conversation is written to the new
     * account, so that it outlives the conversation.
     */
    void registered(Conversation conversation, RegistrationUpdateApplied outcome) {
        if (conversation.linkedPhone() != null && Senders.phone(conversation.sender()).isEmpty()) {
            senders.link(outcome.accountId(), conversation.channel(), conversation.sender());
            log.info("Sender on {} linked to account {}", conversation.channel(), outcome.accountId());
        }
    }

    /**
     * A message of a sender not linked yet: the number to send a code to (typed, or a shared contact's), the code,
     * a request for a new one, or anything else, which says how to link.
     *
     * @param meaning the message read as the answer to "what is your phone?", or null for one without text
     */
    Turn answer(Conversation conversation, String text, Interpretation meaning) {
        Locale language = conversation.language();
        ContactProof proof = conversation.stage() == Stage.PROVING && conversation.proof() != null
                && FIELD.equals(conversation.proof().field()) ? conversation.proof() : null;
        String number = meaning == null ? null : meaning.values().get(NUMBER);
        if (proof == null) {
            return number == null ? Turn.of(conversation.reset(), say(language, "sender.no.phone"))
                    : send(conversation.reset(), number, 1, "link.sent");
        }
        if (proof.attempts() >= ContactProofs.MAX_ATTEMPTS) {
            // Locked until the conversation expires: a new number or code would make guessing cheap again.
            return Turn.of(conversation, say(language, "link.too.many"));
        }
        if (proofs.isResend(text)) {
            return proof.sends() >= ContactProofs.MAX_SENDS
                    ? Turn.of(conversation, say(language, "link.no.more"))
                    : send(conversation, conversation.collected().get(NUMBER), proof.sends() + 1, "link.resent");
        }
        if (ContactProofs.CODE.matcher(text).matches()) {
            return check(conversation, proof, text);
        }
        if (number != null) {
            return proof.sends() >= ContactProofs.MAX_SENDS ? Turn.of(conversation, say(language, "link.no.more"))
                    : send(conversation, number, proof.sends() + 1, "link.sent");
        }
        if (meaning != null && meaning.intent() == Intent.CANCEL) {
            // The proof stays, with its sends and attempts counted: cancelling is no way to more codes.
            return Turn.of(conversation, say(language, "sender.no.phone"));
        }
        return Turn.of(conversation, question(conversation));
    }

    private Turn check(Conversation conversation, ContactProof proof, String text) {
        Locale language = conversation.language();
        if (!clock.instant().isBefore(proof.expiresAt())) {
            return Turn.of(conversation, new Reply(phrasebook.say(language, "link.expired"), buttons(language)));
        }
        if (MessageDigest.isEqual(Base64.getDecoder().decode(proof.codeHash()),
                ContactProofs.hash(proof.salt(), text.replaceAll("\\D", "")))) {
            String phone = conversation.collected().get(NUMBER);
            Conversation linked = conversation.reset().linkedTo(phone);
            // Only now, with the number proven, is its account looked up: a link to an account is written at once;
            // one to a number without an account stays in the conversation until a registration gives it one.
            accounts.findByPhone(phone).ifPresent(account -> write(account, linked));
            return Turn.of(linked, say(language, "link.ok", phone));
        }
        ContactProof failed = proof.failedOnce();
        if (failed.attempts() >= ContactProofs.MAX_ATTEMPTS) {
            return Turn.of(conversation.proving(failed), say(language, "link.too.many"));
        }
        return Turn.of(conversation.proving(failed), new Reply(phrasebook.say(language, "proof.wrong",
                ContactProofs.MAX_ATTEMPTS - failed.attempts()), buttons(language)));
    }

    private boolean write(AccountSnapshot account, Conversation conversation) {
        boolean written = senders.link(account.id(), conversation.channel(), conversation.sender());
        if (written) {
            log.info("Sender on {} linked to account {}", conversation.channel(), account.id());
        }
        return written;
    }

    /** The open question while a code is awaited. */
    Reply question(Conversation conversation) {
        return new Reply(phrasebook.say(conversation.language(), "link.code.ask",
                conversation.collected().get(NUMBER)), buttons(conversation.language()));
    }

    /**
     * A new code, to the number to link; the answer says the same whether the number has an account or not. A number
     * sent the most codes allowed, by any sender ({@link CodesPerNumber}), gets none: the conversation stays as it
     * was (a code sent before still works) and the person hears why, which again says nothing of an account.
     */
    private Turn send(Conversation conversation, String number, int sends, String said) {
        Locale language = conversation.language();
        if (!codesPerNumber.allows(number, CodesPerNumber.Purpose.LINK)) {
            return Turn.of(conversation, say(language, "link.number.limit", number,
                    codesPerNumber.window().toMinutes()));
        }
        String code = "%06d".formatted(random.nextInt(1_000_000));
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String saltText = Base64.getEncoder().encodeToString(salt);
        String codeHash = Base64.getEncoder().encodeToString(ContactProofs.hash(saltText, code));
        var proof = new ContactProof(FIELD, saltText, codeHash, clock.instant().plus(ContactProofs.VALID_FOR), 0,
                sends, List.of());
        Conversation proving = conversation.collecting(List.of(), Map.of(), false)
                .withValue(NUMBER, number).proving(proof);
        var delivery = new SendMessage(ids.next(), clock.instant(), conversation.channel(), number,
                phrasebook.say(language, "link.text", code, ContactProofs.VALID_FOR.toMinutes()), List.of(),
                language.toLanguageTag());
        return new Turn(proving, List.of(new Reply(phrasebook.say(language, said, number), buttons(language))),
                List.of(delivery));
    }

    private List<Button> buttons(Locale language) {
        return List.of(new Button("resend", phrasebook.say(language, "button.resend")));
    }

    private Reply say(Locale language, String key, Object... args) {
        return Reply.text(phrasebook.say(language, key, args));
    }
}
