package dev.wareg.chat.state;

import dev.wareg.chat.conversation.CodeSends;
import dev.wareg.chat.conversation.CodesPerNumberProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Codes sent per number in PostgreSQL ({@code chat_code_send}, migration {@code V2__code_send.sql}), on the
 * application's database next to {@code chat_conversation}: one row per number, holding the times of its sends in
 * the window. Checking and counting are one statement: PostgreSQL inserts the row or, if one exists (a concurrent
 * first send included), locks it and appends the send only if fewer than the limit are left in the window, so
 * instances sharing the table cannot both take the last send. {@link #purgeExpired()} deletes the numbers with no
 * send in the window every minute.
 */
class JdbcCodeSends implements CodeSends {

    private static final Logger log = LoggerFactory.getLogger(JdbcCodeSends.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration window;

    /** Creates or updates the table first (with the conversations': one history, {@code chat_schema_history}). */
    JdbcCodeSends(DataSource dataSource, Clock clock, CodesPerNumberProperties properties) {
        JdbcConversationStore.migrate(dataSource);
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
        this.window = properties.window();
    }

    @Override
    public boolean tryCount(String key, Instant at, Duration window, int limit) {
        return jdbc.sql("""
                        insert into chat_code_send as s (number_key, sent_at, last_sent_at)
                        values (:key, array[cast(:at as timestamptz)], cast(:at as timestamptz))
                        on conflict (number_key) do update
                        set sent_at = array(select t from unnest(s.sent_at) t where t > cast(:since as timestamptz) order by t)
                                      || excluded.last_sent_at,
                            last_sent_at = excluded.last_sent_at
                        where (select count(*) from unnest(s.sent_at) t where t > cast(:since as timestamptz)) < :limit""")
                .param("key", key)
                .param("at", timestamp(at))
                .param("since", timestamp(at.minus(window)))
                .param("limit", limit)
                .update() == 1;
    }

    /** @return how many numbers with no send in the window were forgotten */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    int purgeExpired() {
        int purged = jdbc.sql("delete from chat_code_send where last_sent_at <= ?")
                .param(timestamp(clock.instant().minus(window)))
                .update();
        log.debug("Forgot the code sends of {} numbers", purged);
        return purged;
    }

    /** {@code timestamptz}'s precision, cut here rather than rounded by the driver (as the conversation store does). */
    private static OffsetDateTime timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
