package dev.wareg.platform.messaging;

import java.util.UUID;

/**
 * Which events each subscriber has already handled, so that a redelivered or republished event is not handled
 * twice. Records are kept for a retention window (longer than any redelivery can take), then forgotten.
 */
public interface ProcessedEvents {

    boolean isProcessed(String subscriber, UUID eventId);

    void markProcessed(String subscriber, UUID eventId);
}
