package dev.wareg.chat.conversation;

/**
 * Present where e-mail can be sent: something consumes {@link dev.wareg.contracts.SendEmail} and hands it to a mail
 * server. The chat asks for an ownership code only where it is present; elsewhere it tells the person that a new
 * address is saved unverified.
 */
public interface EmailDelivery {
}
