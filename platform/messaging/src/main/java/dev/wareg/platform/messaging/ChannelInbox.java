package dev.wareg.platform.messaging;

import dev.wareg.contracts.MessageReceived;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

/**
 * Hands a channel's messages to the bus, once each. Order and ids, chosen so that no message is lost and none is
 * answered twice:
 * <ul>
 *   <li>A message id is remembered only <em>after</em> its event was published. Remembering first would lose the
 *   message when publishing fails: the retry (Meta's, the sidecar's) would find the id known and drop it.</li>
 *   <li>Two deliveries of the same message racing each other (a retry while the first is still being handled, or two
 *   instances) may then both publish. So the event id is derived from the message id, not drawn fresh: both publish
 *   the same event id, and every consumer handles each event id once ({@link ProcessedEvents}). The ids only save the
 *   bus that duplicate work.</li>
 * </ul>
 *
 * <p>Its callers are the WhatsApp channels, which publish only what the channel proved: a webhook Meta signed, a
 * message the linked WhatsApp Web session received. So every message it hands on is marked with a proven sender.
 */
public final class ChannelInbox {

    private final String channel;
    private final EventBus bus;
    private final ChannelMessageIds processed;
    private final Clock clock;

    public ChannelInbox(String channel, EventBus bus, ChannelMessageIds processed, Clock clock) {
        this.channel = channel;
        this.bus = bus;
        this.processed = processed;
        this.clock = clock;
    }

    /**
     * Publishes the message unless its id was handled before; throws when publishing fails, so that the sender of the
     * delivery tries again.
     *
     * @param media what was sent instead of text ({@link MessageReceived#MEDIA}), or null
     * @return false for a message already handled
     */
    public boolean publish(String messageId, String sender, String text, MessageReceived.Location location,
                           String media) {
        if (processed.contains(messageId)) {
            return false;
        }
        bus.publish(new MessageReceived(eventId(channel, messageId), clock.instant(), channel, messageId, sender, text,
                location, true, media));
        processed.remember(messageId);
        return true;
    }

    /** Name-based (v3): the same message id always gives the same event id, prefixed to keep it to its channel. */
    public static UUID eventId(String channel, String messageId) {
        return UUID.nameUUIDFromBytes((channel + ':' + messageId).getBytes(StandardCharsets.UTF_8));
    }
}
