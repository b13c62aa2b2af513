package io.keygate.events;

/**
 * Kafka topics of the event contract. Compacted topics keep the last record per aggregate, which
 * carries the aggregate's full state, so a new consumer can rebuild its view from them alone.
 */
public enum Topic {
    /** API keys and other credentials: issued, revoked. Keyed by credential id. */
    TOKENS("keygate.tokens", true),
    /** Routes and other policy aggregates. Keyed by aggregate id. */
    POLICIES("keygate.policies", true),
    /** One record per request the gateway handled. Time-retained, keyed by credential or request id. */
    CALLS("keygate.calls", false);

    private final String topicName;
    private final boolean compacted;

    Topic(String topicName, boolean compacted) {
        this.topicName = topicName;
        this.compacted = compacted;
    }

    /** The Kafka topic name. */
    public String topicName() {
        return topicName;
    }

    /** Whether the topic is log-compacted (state topics) rather than time-retained (streams). */
    public boolean isCompacted() {
        return compacted;
    }
}
