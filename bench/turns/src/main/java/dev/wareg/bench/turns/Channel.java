package dev.wareg.bench.turns;

import java.util.concurrent.CompletableFuture;

/** How a person's message reaches the system under load; replies come back on their own way. */
interface Channel extends AutoCloseable {

    /** Sends the text as the person with this phone (E.164); completes when the system has taken it. */
    CompletableFuture<Void> send(String phone, String text);

    @Override
    default void close() {
    }
}
