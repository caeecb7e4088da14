package dev.wareg.webchat;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * Transcripts live in memory, so a reply stored just before shutdown would be lost to a page that had not fetched
 * it yet. On shutdown this waits a little, after the event bus stopped delivering (its phase is later in starting,
 * so earlier in stopping) and before the web server stops taking requests, so that polling pages (every 700 ms)
 * get the last replies. Messages people send meanwhile still go into the bus's outbox.
 */
class TranscriptDrain implements SmartLifecycle {

    /** Between the event buses (the default phase) and the web server's graceful shutdown (default - 1024). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

    private final Duration drain;
    private volatile boolean running;

    TranscriptDrain(Duration drain) {
        this.drain = drain;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        try {
            Thread.sleep(drain);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
