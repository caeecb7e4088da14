package dev.wareg.chat.conversation;

import java.time.Duration;
import java.time.Instant;

/**
 * Where the codes sent to each number are counted, across every sender and, where conversations are shared
 * ({@code wareg.chat.conversation-store}: memory, redis or jdbc), across every chat-service instance. Keys are
 * {@link CodesPerNumber#key hashes} of numbers, never the numbers. Counts expire on their own once older than the
 * window. Time is the caller's: a store never reads a clock, so what counts as recent is decided in one place
 * ({@link CodesPerNumber}). Every adapter passes {@code CodeSendsContract}.
 */
public interface CodeSends {

    /**
     * Counts one send under {@code key} at {@code at}, unless {@code limit} sends were already counted in the window
     * before it (after {@code at - window}). Checking and counting are one atomic step, so instances sharing the
     * store cannot both take the last send.
     *
     * @return true when the send was counted (the code may go), false when the limit was reached (nothing counted)
     */
    boolean tryCount(String key, Instant at, Duration window, int limit);
}
