package dev.wareg.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every store of person keys promises. */
public abstract class PersonKeysContract {

    protected PersonKeys keys;

    protected abstract PersonKeys emptyStore();

    @BeforeEach
    void store() {
        keys = emptyStore();
    }

    @Test
    void aSubjectKeepsOneKeyUntilItIsDestroyedThenGetsANewOne() {
        String subject = PersonSubjects.of("+5511987654321");
        PersonKeys.PersonKey first = keys.current(subject);

        assertThat(keys.current(subject).id()).isEqualTo(first.id());
        assertThat(keys.find(subject, first.id())).hasValueSatisfying(found ->
                assertThat(found.secret()).isEqualTo(first.secret()));

        assertThat(keys.destroy(List.of(subject, PersonSubjects.of("never-seen")))).isEqualTo(1);

        assertThat(keys.find(subject, first.id())).isEmpty();
        assertThat(keys.wasDestroyed(first.id())).as("a tombstone of the destroyed key").isTrue();
        PersonKeys.PersonKey second = keys.current(subject);
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.secret()).isNotEqualTo(first.secret());
    }

    @Test
    void aKeyIsFoundOnlyUnderItsOwnSubjectAndId() {
        String subject = PersonSubjects.of("+5511987654321");
        String other = PersonSubjects.of("+5521999990000");
        PersonKeys.PersonKey key = keys.current(subject);
        keys.current(other);

        assertThat(keys.find(other, key.id())).isEmpty();
        assertThat(keys.find(subject, UUID.randomUUID())).isEmpty();
        assertThat(keys.wasDestroyed(key.id())).isFalse();
        assertThat(keys.destroy(List.of(subject))).isEqualTo(1);
        assertThat(keys.current(other)).isNotNull();
    }

    @Test
    void concurrentPublishersAgreeOnOneKey() throws Exception {
        String subject = PersonSubjects.of("BR.1234567890abcdef");
        var ids = ConcurrentHashMap.<UUID>newKeySet();
        try (var threads = Executors.newFixedThreadPool(8)) {
            IntStream.range(0, 32).forEach(i -> threads.submit(() -> ids.add(keys.current(subject).id())));
        }

        assertThat(ids).hasSize(1);
    }
}
