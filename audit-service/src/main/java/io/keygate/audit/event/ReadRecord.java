package io.keygate.audit.event;

/** What a Kafka record becomes in the trail: an audit entry, a call record, or a dead letter. */
public sealed interface ReadRecord {

    /** An admin-activity event, hash-chained per tenant. */
    record Entry(AuditEvent event) implements ReadRecord {}

    /** A gateway call record. */
    record Call(CallRecordRow call) implements ReadRecord {}

    /** A record that could not be read as either, kept raw. */
    record Dead(DeadLetter letter) implements ReadRecord {}
}
