package dev.wareg.platform.messaging;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Where each person's data key lives, for crypto-shredding: {@link EventCodec} seals the data of every event about a
 * person under that person's key, and an erasure destroys the key, so that every copy of those events still
 * somewhere (a queue, a dead letter, a backup of the broker or of the outbox) can no longer be read. A person is
 * named here only by a {@linkplain PersonSubjects subject}, a hash of how events name them, never by a value.
 *
 * <p>A store holds one key per subject at a time. Every service of a deployment that publishes or reads events
 * about people must share the same store: the embedded default keeps the keys in its PostgreSQL beside the outbox,
 * the distributed mode in Redis ({@code wareg.messaging.person-keys}).
 */
public interface PersonKeys {

    /** No store: events travel unsealed (a bus without personal data, or a deployment that chose so). */
    PersonKeys NONE = new PersonKeys() {
        @Override
        public PersonKey current(String subject) {
            throw new UnsupportedOperationException("no person keys");
        }

        @Override
        public Optional<PersonKey> find(String subject, UUID keyId) {
            return Optional.empty();
        }

        @Override
        public int destroy(Collection<String> subjects) {
            return 0;
        }

        @Override
        public boolean wasDestroyed(UUID keyId) {
            return false;
        }
    };

    /** The subject's key, made now if the subject has none (the first event about them, or the first since an erasure). */
    PersonKey current(String subject);

    /** The subject's key if it is still the one with this id; empty once it was destroyed. */
    Optional<PersonKey> find(String subject, UUID keyId);

    /**
     * Destroys the keys of these subjects, leaving a tombstone of each key's id (a random id and when, nothing about
     * the person), so that an event sealed under it is told apart from one whose key was lost.
     *
     * @return how many keys there were
     */
    int destroy(Collection<String> subjects);

    /** Whether the key with this id was destroyed by an erasure (rather than never held by this store). */
    boolean wasDestroyed(UUID keyId);

    /**
     * The store a broker's bus seals with: the one configured, or none when {@code wareg.messaging.person-keys} says
     * none (the default). A store named but not available (Redis not on the class path; the database, which only the
     * jdbc bus has) stops the service at start rather than let events travel unsealed.
     */
    static PersonKeys chosen(ObjectProvider<PersonKeys> keys, MessagingProperties properties) {
        return keys.getIfAvailable(() -> {
            if (properties.personKeysStore() != MessagingProperties.PersonKeysStore.NONE) {
                throw new IllegalStateException("wareg.messaging.person-keys="
                        + properties.personKeysStore().name().toLowerCase() + " is not available with the "
                        + properties.bus().name().toLowerCase().replace('_', '-')
                        + " bus: use redis (with spring-boot-starter-data-redis) or none");
            }
            return PersonKeys.NONE;
        });
    }

    /** @param secret 32 bytes, an AES-256 key */
    record PersonKey(UUID id, byte[] secret) {

        public PersonKey {
            if (secret.length != 32) {
                throw new IllegalArgumentException("a person key is 32 bytes");
            }
        }
    }
}
