package dev.wareg.platform.messaging.jdbc;

import dev.wareg.platform.messaging.PersonKeys;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Person keys in the bus's own PostgreSQL table ({@code messaging_person_key}), beside the outbox: a key is made in
 * the transaction that publishes the first event about the person, so the two commit or roll back together.
 */
public final class JdbcPersonKeys implements PersonKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    public JdbcPersonKeys(DataSource dataSource) {
        JdbcEventBus.migrate(dataSource);
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public PersonKey current(String subject) {
        return read(subject).orElseGet(() -> {
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            jdbc.sql("insert into messaging_person_key (subject, key_id, secret) values (?, ?, ?) on conflict do nothing")
                    .param(subject).param(UUID.randomUUID()).param(secret)
                    .update();
            // Whoever inserted first: a concurrent publisher's key is the one.
            return read(subject).orElseThrow();
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
        return jdbc.sql("""
                        with gone as (delete from messaging_person_key where subject = any (?) returning key_id)
                        insert into messaging_destroyed_person_key (key_id) select key_id from gone
                        on conflict do nothing""")
                .param(subjects.toArray(String[]::new))
                .update();
    }

    @Override
    public boolean wasDestroyed(UUID keyId) {
        return jdbc.sql("select exists (select 1 from messaging_destroyed_person_key where key_id = ?)").param(keyId)
                .query(Boolean.class).single();
    }

    private Optional<PersonKey> read(String subject) {
        return jdbc.sql("select key_id, secret from messaging_person_key where subject = ?").param(subject)
                .query((row, n) -> new PersonKey(row.getObject("key_id", UUID.class), row.getBytes("secret")))
                .optional();
    }
}
