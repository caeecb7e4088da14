package dev.wareg.chat.conversation;

import dev.wareg.chat.interpretation.Intent;
import dev.wareg.chat.interpretation.Interpretation;
import dev.wareg.contracts.IntegrationEvent;
import dev.wareg.contracts.SendEmail;
import dev.wareg.contracts.SendMessage;
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
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Proof that a new contact point is the person's: before a confirmed change with a new e-mail address or a new phone
 * is requested, a six-digit code is sent to it (e-mailed; sent over WhatsApp on the conversation's channel) and the
 * person types it back in this conversation. The conversation is on the old number, which its channel proved, so a
 * number is moved only by someone who holds both. Codes are single-use, expire, are compared in constant time and are
 * kept only as a salted hash; a few wrong codes drop the change, and only a few codes are sent for one value (and to
 * one number, whoever asks: {@link CodesPerNumber}). Where nothing sends e-mail ({@link EmailDelivery} absent, as in
 * the embedded default without SMTP) there is no e-mail code, and the person is told the address is saved
 * unverified.
 */
@Component
class ContactProofs {

    static final Duration VALID_FOR = Duration.ofMinutes(10);
    static final int MAX_ATTEMPTS = 5;
    static final int MAX_SENDS = 3;
    private static final String EMAIL = "email";
    /** The fields whose new value is proven by a code sent to it, in the order they are proven. */
    private static final List<String> PROVEN = List.of(EMAIL, "phone");
    static final Pattern CODE = Pattern.compile("\\D*(\\d\\s*){6}\\D*");

    private final boolean emailCodes;
    private final CodesPerNumber codesPerNumber;
    private final Phrasebook phrasebook;
    private final IdGenerator ids;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    ContactProofs(ObjectProvider<EmailDelivery> email, CodesPerNumber codesPerNumber, Phrasebook phrasebook,
                  IdGenerator ids, Clock clock) {
        this(email.getIfAvailable() != null, codesPerNumber, phrasebook, ids, clock);
    }

    /** @param emailCodes whether e-mail can be sent, so that a new address is proven by a code */
    ContactProofs(boolean emailCodes, CodesPerNumber codesPerNumber, Phrasebook phrasebook, IdGenerator ids,
                  Clock clock) {
        this.emailCodes = emailCodes;
        this.codesPerNumber = codesPerNumber;
        this.phrasebook = phrasebook;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * The turn that sends a code, when the confirmed change holds a new contact point a code can be sent to; empty
     * when there is nothing to prove.
     */
    Optional<Turn> challenge(Conversation conversation) {
        return challenge(conversation, List.of());
    }

    private Optional<Turn> challenge(Conversation conversation, List<String> proven) {
        return PROVEN.stream()
                .filter(field -> changed(conversation, field) && !proven.contains(field))
                .filter(field -> !field.equals(EMAIL) || emailCodes)
                .findFirst()
                .map(field -> send(conversation, field, 1, proven, "sent"));
    }

    /** Said before "saving" where a new address cannot be proven here. */
    Optional<Reply> unverified(Conversation conversation) {
        return !changed(conversation, EMAIL) || emailCodes ? Optional.empty()
                : Optional.of(Reply.text(phrasebook.say(conversation.language(), "proof.unverified",
                        conversation.collected().get(EMAIL))));
    }

    /**
     * The person's answer while a code is awaited: the right code (then the next contact point is proven, or
     * {@code apply} requests the change), a request for a new code, or anything else, which repeats the question.
     */
    Turn answer(Conversation conversation, String text, Interpretation meaning, Function<Conversation, Turn> apply) {
        ContactProof proof = conversation.proof();
        Locale language = conversation.language();
        if (isResend(text)) {
            return proof.sends() >= MAX_SENDS ? Turn.of(conversation, say(language, "proof.no.more"), question(conversation))
                    : send(conversation, proof.field(), proof.sends() + 1, proof.proven(), "resent");
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
            List<String> proven = new ArrayList<>(proof.proven());
            proven.add(proof.field());
            Conversation confirmed = conversation.withoutProof();
            Turn next = challenge(confirmed, proven).orElseGet(() -> apply.apply(confirmed));
            List<Reply> replies = new ArrayList<>(List.of(say(language, "proof." + proof.field() + ".ok",
                    conversation.collected().get(proof.field()))));
            replies.addAll(next.replies());
            return next.withReplies(replies);
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
        String field = conversation.proof().field();
        return new Reply(phrasebook.say(conversation.language(), "proof." + field + ".ask",
                conversation.collected().get(field)), buttons(conversation.language()));
    }

    private static boolean changed(Conversation conversation, String field) {
        String value = conversation.collected().get(field);
        return value != null && !value.equals(conversation.current().get(field));
    }

    /**
     * A new code to the new value. A number sent the most codes allowed, by any sender ({@link CodesPerNumber}), gets
     * none: the conversation stays where it was (confirming the change, or awaiting a code sent before) and the
     * person hears why; the change is requested only once the number is proven.
     */
    private Turn send(Conversation conversation, String field, int sends, List<String> proven, String said) {
        Locale language = conversation.language();
        String value = conversation.collected().get(field);
        if (!field.equals(EMAIL) && !codesPerNumber.allows(value, CodesPerNumber.Purpose.PHONE)) {
            return Turn.of(conversation, say(language, "proof." + field + ".limit", value,
                    codesPerNumber.window().toMinutes()));
        }
        String code = "%06d".formatted(random.nextInt(1_000_000));
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String saltText = Base64.getEncoder().encodeToString(salt);
        var proof = new ContactProof(field, saltText, Base64.getEncoder().encodeToString(hash(saltText, code)),
                clock.instant().plus(VALID_FOR), 0, sends, proven);
        return new Turn(conversation.proving(proof), List.of(new Reply(phrasebook.say(language,
                "proof." + field + "." + said, value), buttons(language))), List.of(delivery(conversation, field,
                value, code)));
    }

    /**
     * The code on its way: e-mailed to a new address; to a new number, sent over WhatsApp on the conversation's
     * channel, which writes to any number (the web chat shows it to whoever proves that number there).
     */
    private IntegrationEvent delivery(Conversation conversation, String field, String value, String code) {
        Locale language = conversation.language();
        if (field.equals(EMAIL)) {
            return new SendEmail(ids.next(), clock.instant(), value, phrasebook.say(language, "proof.email.subject"),
                    phrasebook.say(language, "proof.email.text", code, VALID_FOR.toMinutes()),
                    language.toLanguageTag(), conversation.channel(), conversation.sender());
        }
        return new SendMessage(ids.next(), clock.instant(), conversation.channel(), value,
                phrasebook.say(language, "proof." + field + ".text", code, VALID_FOR.toMinutes()), List.of(),
                language.toLanguageTag());
    }

    /** The resend button's title, in either language, or the word alone. */
    boolean isResend(String text) {
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

    /** SHA-256 of salt and code: what is kept of a code instead of the code. */
    static byte[] hash(String salt, String code) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt.getBytes(StandardCharsets.UTF_8));
            return sha256.digest(Objects.requireNonNull(code).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
