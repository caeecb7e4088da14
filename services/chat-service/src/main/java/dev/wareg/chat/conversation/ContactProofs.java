package dev.wareg.chat.conversation;

import dev.wareg.chat.interpretation.Intent;
import dev.wareg.chat.interpretation.Interpretation;
import dev.wareg.contracts.SendEmail;
import dev.wareg.contracts.SendMessage.Button;
import dev.wareg.platform.defaults.IdGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Proof that a new contact point is the person's: before a confirmed change with a new e-mail address is requested,
 * a six-digit code is e-mailed to it and the person types it back. Codes are single-use, expire, are compared in
 * constant time and are kept only as a salted hash; a few wrong codes drop the change, and only a few codes are sent
 * for one address. Where nothing sends e-mail ({@link EmailDelivery} absent, as in the embedded default without SMTP)
 * there is no code, and the person is told the address is saved unverified.
 */
@Component
class ContactProofs {

    static final Duration VALID_FOR = Duration.ofMinutes(10);
    static final int MAX_ATTEMPTS = 5;
    static final int MAX_SENDS = 3;
    /** The fields whose new value must be proven by a code sent to it. */
    private static final String PROVEN_FIELD = "email";
    private static final Pattern CODE = Pattern.compile("\\D*(\\d\\s*){6}\\D*");

    private final boolean emailCodes;
    private final Phrasebook phrasebook;
    private final IdGenerator ids;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    ContactProofs(ObjectProvider<EmailDelivery> email, Phrasebook phrasebook, IdGenerator ids, Clock clock) {
        this(email.getIfAvailable() != null, phrasebook, ids, clock);
    }

    /** @param emailCodes whether e-mail can be sent, so that a new address is proven by a code */
    ContactProofs(boolean emailCodes, Phrasebook phrasebook, IdGenerator ids, Clock clock) {
        this.emailCodes = emailCodes;
        this.phrasebook = phrasebook;
        this.ids = ids;
        this.clock = clock;
    }

    /** The turn that sends a code, when the confirmed changes hold a new e-mail and e-mail can be sent. */
    Optional<Turn> challenge(Conversation conversation, Map<String, String> changes) {
        String address = changes.get(PROVEN_FIELD);
        if (address == null || !emailCodes) {
            return Optional.empty();
        }
        return Optional.of(send(conversation, address, 1, "proof.sent"));
    }

    /** Said before "saving" where a new address cannot be proven here. */
    Optional<Reply> unverified(Conversation conversation, Map<String, String> changes) {
        String address = changes.get(PROVEN_FIELD);
        return address == null || emailCodes ? Optional.empty()
                : Optional.of(Reply.text(phrasebook.say(conversation.language(), "proof.unverified", address)));
    }

    /**
     * The person's answer while a code is awaited: the code (then {@code apply} requests the change), a new code, or
     * anything else, which repeats the question.
     */
    Turn answer(Conversation conversation, String text, Interpretation meaning,
            Function<Conversation, Turn> apply) {
        ContactProof proof = conversation.proof();
        String address = conversation.collected().get(proof.field());
        Locale language = conversation.language();
        if (isResend(text)) {
            return proof.sends() >= MAX_SENDS ? Turn.of(conversation, say(language, "proof.no.more"), question(conversation))
                    : send(conversation, address, proof.sends() + 1, "proof.resent");
        }
        if (!CODE.matcher(text).matches()) {
            return Turn.of(conversation, meaning.intent() == Intent.DENY ? say(language, "proof.not.received")
                    : question(conversation));
        }
        if (!clock.instant().isBefore(proof.expiresAt())) {
            return Turn.of(conversation, new Reply(phrasebook.say(language, "proof.expired"), buttons(language)));
        }
        if (MessageDigest.isEqual(Base64.getDecoder().decode(proof.codeHash()),
                hash(proof.salt(), text.replaceAll("\\D", "")))) {
            Turn applied = apply.apply(conversation.withoutProof());
            List<Reply> replies = new ArrayList<>(List.of(say(language, "proof.ok", address)));
            replies.addAll(applied.replies());
            return applied.withReplies(replies);
        }
        ContactProof failed = proof.failedOnce();
        if (failed.attempts() >= MAX_ATTEMPTS) {
            return Turn.of(conversation.reset(), say(language, "proof.too.many"));
        }
        return Turn.of(conversation.proving(failed), new Reply(phrasebook.say(language, "proof.wrong",
                MAX_ATTEMPTS - failed.attempts()), buttons(language)));
    }

    /** The open question while a code is awaited. */
    Reply question(Conversation conversation) {
        return new Reply(phrasebook.say(conversation.language(), "proof.ask",
                conversation.collected().get(conversation.proof().field())), buttons(conversation.language()));
    }

    private Turn send(Conversation conversation, String address, int sends, String saidKey) {
        Locale language = conversation.language();
        String code = "%06d".formatted(random.nextInt(1_000_000));
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String saltText = Base64.getEncoder().encodeToString(salt);
        var proof = new ContactProof(PROVEN_FIELD, saltText, Base64.getEncoder().encodeToString(hash(saltText, code)),
                clock.instant().plus(VALID_FOR), 0, sends);
        var email = new SendEmail(ids.next(), clock.instant(), address, phrasebook.say(language, "proof.email.subject"),
                phrasebook.say(language, "proof.email.text", code, VALID_FOR.toMinutes()), language.toLanguageTag(),
                conversation.channel(), conversation.sender());
        return new Turn(conversation.proving(proof),
                List.of(new Reply(phrasebook.say(language, saidKey, address), buttons(language))), List.of(email));
    }

    /** The resend button's title, in either language, or the word alone. */
    private boolean isResend(String text) {
        String typed = text.strip().toLowerCase(Locale.ROOT);
        return List.of(Locale.forLanguageTag("pt-BR"), Locale.ENGLISH).stream()
                .flatMap(language -> List.of(phrasebook.say(language, "button.resend"),
                        phrasebook.say(language, "proof.resend.word")).stream())
                .anyMatch(word -> typed.equals(word.toLowerCase(Locale.ROOT)));
    }

    private List<Button> buttons(Locale language) {
        return List.of(new Button("resend", phrasebook.say(language, "button.resend")),
                new Button("cancel", phrasebook.say(language, "button.cancel")));
    }

    private Reply say(Locale language, String key, Object... args) {
        return Reply.text(phrasebook.say(language, key, args));
    }

    private static byte[] hash(String salt, String code) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt.getBytes(StandardCharsets.UTF_8));
            return sha256.digest(code.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
