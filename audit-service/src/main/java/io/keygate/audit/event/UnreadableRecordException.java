package io.keygate.audit.event;

/**
 * A Kafka record that cannot be stored as an audit event: not a CloudEvent, an id that is not a UUID,
 * data that is not JSON. The message says why without quoting the payload.
 */
public class UnreadableRecordException extends RuntimeException {

    public UnreadableRecordException(String reason) {
        super(reason, null, false, false);
    }
}
