package dev.wareg.cloudapi;

/**
 * The WhatsApp message ids ({@code wamid}) already handed to the bus, so that Meta's redeliveries of the same
 * message are dropped. Ids are forgotten after a while (Meta stops retrying after 7 days).
 */
interface ProcessedMessages {

    boolean contains(String messageId);

    /** Remembers the id; remembering one already known is harmless. */
    void remember(String messageId);
}
