package dev.wareg.chat.conversation;

import java.time.Instant;
import java.util.List;
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
 * @param proven    the fields of the same change proven before this one
 */
public record ContactProof(String field, String salt, String codeHash, Instant expiresAt, int attempts, int sends,
                           List<String> proven) {

    public ContactProof {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(expiresAt, "expiresAt");
        proven = proven == null ? List.of() : List.copyOf(proven);
    }

    ContactProof failedOnce() {
        return new ContactProof(field, salt, codeHash, expiresAt, attempts + 1, sends, proven);
    }
}
