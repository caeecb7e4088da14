package dev.wareg.platform.messaging;

/**
 * Thrown by a handler that knows retrying cannot help (the event is invalid, or what it asks for was refused for
 * good): the event becomes a dead letter at once. The message is recorded with it, so it names a reason code,
 * never personal data. What the handler published before throwing (the refusal it announces) is delivered, on every
 * bus: the JDBC bus keeps the handler's writes instead of rolling them back.
 */
public class PermanentFailure extends Exception {

    public PermanentFailure(String reason) {
        super(reason);
    }
}
