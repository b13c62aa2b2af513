package io.keygate.eventstore;

/**
 * Another command appended to the same aggregate first: the expected version is no longer the latest.
 * Services answer 409 and the client retries with fresh state.
 */
public class ConcurrencyConflictException extends RuntimeException {

    private final String aggregateId;
    private final long expectedVersion;

    public ConcurrencyConflictException(String aggregateId, long expectedVersion) {
        super("Aggregate " + aggregateId + " changed concurrently (expected version " + expectedVersion + ")");
        this.aggregateId = aggregateId;
        this.expectedVersion = expectedVersion;
    }

    public String aggregateId() {
        return aggregateId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
