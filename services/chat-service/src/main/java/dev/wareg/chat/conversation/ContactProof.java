package dev.wareg.chat.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * A one-time code sent to a new contact point (an e-mail address) to prove the person owns it. Only a salted hash of
 * the code is kept, so the conversation's store never holds a usable code.
 *
 * @param field     the field whose new value the code proves
 * @param salt      random, per code, Base64
 * @param codeHash  SHA-256 of salt and code, Base64
 * @param expiresAt after this the code is refused and a new one must be sent
 * @param attempts  wrong codes typed so far
 * @param sends     codes sent so far for this value
 */
public record ContactProof(String field, String salt, String codeHash, Instant expiresAt, int attempts, int sends) {

    public ContactProof {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    ContactProof failedOnce() {
        return new ContactProof(field, salt, codeHash, expiresAt, attempts + 1, sends);
    }
}
