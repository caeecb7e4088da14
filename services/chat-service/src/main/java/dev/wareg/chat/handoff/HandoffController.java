package dev.wareg.chat.handoff;

import dev.wareg.platform.defaults.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff queue for support tools: who waits, and taking one. The conversation ids are the people's numbers on
 * their channels, so the API needs a staff token ({@link StaffQueueSecurity}); nothing about the people is logged.
 */
@RestController
@ConditionalOnBooleanProperty("wareg.chat.handoff.staffed")
@Tag(name = "Hand-offs", description = "People who asked to talk to a human, waiting for staff")
class HandoffController {

    private final StaffQueue queue;
    private final Clock clock;

    HandoffController(StaffQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    /** @param waitingSeconds how long the person has waited, as of this answer */
    record WaitingEntry(UUID id, String channel, String conversationId, String language, Instant requestedAt,
                        long waitingSeconds) {
    }

    record ClaimedEntry(UUID id, String channel, String conversationId, String language, Instant requestedAt,
                        Instant claimedAt, String claimedBy) {

        static ClaimedEntry of(Handoff handoff) {
            return new ClaimedEntry(handoff.id(), handoff.channel(), handoff.conversationId(), handoff.language(),
                    handoff.requestedAt(), handoff.claimedAt(), handoff.claimedBy());
        }
    }

    @GetMapping(path = "/api/handoffs", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Who waits for staff, oldest first", description = "Needs scope handoffs:read.")
    List<WaitingEntry> waiting() {
        Instant now = clock.instant();
        return queue.waiting().stream().map(handoff -> new WaitingEntry(handoff.id(), handoff.channel(),
                handoff.conversationId(), handoff.language(), handoff.requestedAt(),
                Math.max(0, Duration.between(handoff.requestedAt(), now).toSeconds()))).toList();
    }

    @PostMapping(path = "/api/handoffs/{id}/claim", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Take a waiting person",
            description = "Needs scope handoffs:write. The entry leaves the waiting list; 404 if unknown (or dropped "
                    + "after the queue's maximum age), 409 if someone took it already.")
    ClaimedEntry claim(@PathVariable UUID id, Principal staff) {
        return switch (queue.claim(id, staff.getName())) {
            case HandoffStore.Claim.Claimed(Handoff claimed) -> ClaimedEntry.of(claimed);
            case HandoffStore.Claim.AlreadyClaimed(Handoff claimed) -> throw new ErrorResponseException(
                    HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "handoff-claimed", "Already claimed",
                    "A staff member took this hand-off already."), null);
            case HandoffStore.Claim.Unknown() -> throw new ErrorResponseException(HttpStatus.NOT_FOUND,
                    Problems.of(HttpStatus.NOT_FOUND, "handoff-not-found", "No such hand-off",
                            "No hand-off has this id; it may have waited longer than the queue keeps them."), null);
        };
    }
}
