package io.keygate.events;

/**
 * A record on a topic that is not a Keygate event this code understands: not a CloudEvent, an unknown
 * type, or data that does not match the type. Consumers dead-letter it rather than drop it.
 */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
