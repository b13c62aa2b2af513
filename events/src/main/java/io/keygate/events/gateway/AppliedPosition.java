package io.keygate.events.gateway;

import java.time.Instant;
import java.util.Objects;

/**
 * How far a gateway applied one partition of a state topic.
 *
 * @param topic     the Kafka topic, e.g. {@code keygate.tokens}
 * @param partition the partition number
 * @param position  the next offset the gateway will read: every record before it is applied, so a record at
 *                  offset {@code o} is enforced once {@code position > o}
 * @param appliedAt when the gateway first reached this position (the record before it was applied then)
 */
public record AppliedPosition(String topic, int partition, long position, Instant appliedAt) {

    public AppliedPosition {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(appliedAt, "appliedAt");
        if (partition < 0 || position < 0) {
            throw new IllegalArgumentException("partition and position must not be negative");
        }
    }

    /** Whether the record at {@code offset} of this partition is applied. */
    public boolean covers(long offset) {
        return position > offset;
    }
}
