package dev.wareg.platform.messaging;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Person keys in Redis, shared by every service of the distributed mode: one key per subject, {@code <prefix><subject>}
 * holding {@code <key id>:<secret in Base64>}, made with {@code SET NX} so that concurrent publishers agree on one;
 * {@code <prefix>destroyed:<key id>} marks a key an erasure destroyed.
 * Needs {@code spring-data-redis} on the class path (an optional dependency of this module).
 */
public final class RedisPersonKeys implements PersonKeys {

    /** The prefix deployments use. */
    public static final String KEY_PREFIX = "wareg:person-key:";

    /** Under the prefix, the tombstones of destroyed keys: {@code <prefix>destroyed:<key id>}. */
    private static final String DESTROYED = "destroyed:";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final StringRedisTemplate redis;
    private final String keyPrefix;

    public RedisPersonKeys(StringRedisTemplate redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    @Override
    public PersonKey current(String subject) {
        return read(subject).orElseGet(() -> {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            redis.opsForValue().setIfAbsent(keyPrefix + subject,
                    UUID.randomUUID() + ":" + Base64.getEncoder().encodeToString(secret));
            // Whoever set it first: a concurrent publisher's key is the one.
            return read(subject).orElseThrow(() -> new IllegalStateException("the person key vanished as it was made"));
        });
    }

    @Override
    public Optional<PersonKey> find(String subject, UUID keyId) {
        return read(subject).filter(key -> key.id().equals(keyId));
    }

    @Override
    public int destroy(Collection<String> subjects) {
        if (subjects.isEmpty()) {
            return 0;
        }
        int destroyed = 0;
        for (String subject : subjects) {
            // GETDEL: the key read is the key deleted, even while another instance destroys it too.
            String stored = redis.opsForValue().getAndDelete(keyPrefix + subject);
            if (stored != null) {
                redis.opsForValue().set(keyPrefix + DESTROYED + stored.substring(0, stored.indexOf(':')), "1");
                destroyed++;
            }
        }
        return destroyed;
    }

    @Override
    public boolean wasDestroyed(UUID keyId) {
        return Boolean.TRUE.equals(redis.hasKey(keyPrefix + DESTROYED + keyId));
    }

    private Optional<PersonKey> read(String subject) {
        String stored = redis.opsForValue().get(keyPrefix + subject);
        if (stored == null) {
            return Optional.empty();
        }
        int colon = stored.indexOf(':');
        return Optional.of(new PersonKey(UUID.fromString(stored.substring(0, colon)),
                Base64.getDecoder().decode(stored.substring(colon + 1))));
    }
}
