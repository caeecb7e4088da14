package dev.wareg.platform.messaging;

import java.util.List;
import java.util.UUID;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * Lets an operator see what a subscriber gave up on and deliver it again:
 * {@code GET /actuator/deadletters/{subscriber}} lists them (oldest first, without content), and
 * {@code POST /actuator/deadletters/{subscriber}/{eventId}} re-drives one. Exposed only where a service lists it
 * in {@code management.endpoints.web.exposure.include}, on the management port, which deployments keep internal.
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

    private static final int LIMIT = 100;

    private final DeadLetters deadLetters;

    public DeadLettersEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @ReadOperation
    public List<DeadLetters.DeadLetter> list(@Selector String subscriber) {
        return deadLetters.list(subscriber, LIMIT);
    }

    @WriteOperation
    public Redriven redrive(@Selector String subscriber, @Selector UUID eventId) {
        return new Redriven(subscriber, eventId, deadLetters.redrive(subscriber, eventId));
    }

    /** @param redriven false when the subscriber has no dead letter with that id (already re-driven, or never) */
    public record Redriven(String subscriber, UUID eventId, boolean redriven) {
    }
}
