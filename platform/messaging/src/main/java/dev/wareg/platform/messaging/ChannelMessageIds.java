package dev.wareg.platform.messaging;

/**
 * The ids of the messages a channel already handed to the bus, so that a redelivery of the same message (Meta
 * retries a webhook for days, the WhatsApp Web sidecar retries until it is accepted) is dropped. Ids are forgotten
 * after a while. A channel remembers an id only after its event was published: remembering first would lose a
 * message whose publishing failed, since the retry would find the id known.
 */
public interface ChannelMessageIds {

    boolean contains(String messageId);

    /** Remembers the id; remembering one already known is harmless and does not extend its stay. */
    void remember(String messageId);
}
