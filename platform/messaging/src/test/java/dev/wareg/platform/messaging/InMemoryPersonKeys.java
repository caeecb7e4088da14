package dev.wareg.platform.messaging;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Person keys in a map, for tests of what is sealed. */
public final class InMemoryPersonKeys implements PersonKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, PersonKey> keys = new ConcurrentHashMap<>();
    private final Set<UUID> destroyed = ConcurrentHashMap.newKeySet();

    @Override
    public PersonKey current(String subject) {
        return keys.computeIfAbsent(subject, any -> {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            return new PersonKey(UUID.randomUUID(), secret);
        });
    }

    @Override
    public Optional<PersonKey> find(String subject, UUID keyId) {
        return Optional.ofNullable(keys.get(subject)).filter(key -> key.id().equals(keyId));
    }

    @Override
    public int destroy(Collection<String> subjects) {
        int count = 0;
        for (String subject : subjects) {
            PersonKey key = keys.remove(subject);
            if (key != null) {
                destroyed.add(key.id());
                count++;
            }
        }
        return count;
    }

    @Override
    public boolean wasDestroyed(UUID keyId) {
        return destroyed.contains(keyId);
    }

    /** Forgets every key without a tombstone, as a store that was wiped would. */
    public void wipe() {
        keys.clear();
    }

    public int size() {
        return keys.size();
    }
}
