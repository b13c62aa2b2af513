package io.keygate.events;

/**
 * Kafka topics of the event contract. Compacted topics keep the last record per aggregate, which
 * carries the aggregate's full state, so a new consumer can rebuild its view from them alone.
 */
public enum Topic {
    /**
     * API keys, OAuth2 clients and other credentials (issued, updated, revoked, …) and the applications
     * that own them (created, updated, deleted). Keyed by credential or application id.
     */
    TOKENS("keygate.tokens", true, 3),
    /** Routes and other policy aggregates. Keyed by aggregate id. */
    POLICIES("keygate.policies", true, 3),
    /**
     * Public halves of the token-signing keys: published, retired. Keyed by key id. One partition: few
     * records, and verifiers read it whole at start.
     */
    SIGNING_KEYS("keygate.signing-keys", true, 1),
    /** One record per request the gateway handled. Time-retained, keyed by credential or request id. */
    CALLS("keygate.calls", false, 6),
    /**
     * Each gateway replica's revocation watermark (the positions it applied on {@code keygate.tokens}), keyed by
     * gateway id. Compacted: the last record per gateway is its latest watermark. One partition: few, small
     * records, read whole by the token-service.
     */
    GATEWAY_WATERMARKS("keygate.gateway-watermarks", true, 1),
    /**
     * Tenants, users, roles, sessions and login attempts (success and failure). Keyed by aggregate id. Compacted
     * like {@link #TOKENS}: the last record per user carries its full state, and every event stays readable for
     * the compaction lag, long enough for audit.
     */
    IDENTITIES("keygate.identities", true, 3),
    /**
     * The audit trail's signed checkpoints: per tenant chain, the entry hash at a sequence number, signed by the
     * audit service, so a third party that keeps them can later prove the trail was not rewritten. Keyed by
     * {@code <chain>/<sequence>}: every key is unique, so compaction never removes one. One partition.
     */
    AUDIT_CHECKPOINTS("keygate.audit-checkpoints", true, 1),
    /**
     * Anomaly alerts from analytics (rate spikes, authentication-failure bursts, keys used from new addresses),
     * keyed by alert id. Time-retained, not compacted: every alert is kept for its retention.
     */
    ALERTS("keygate.alerts", false, 3);

    private final String topicName;
    private final boolean compacted;
    private final int partitions;

    Topic(String topicName, boolean compacted, int partitions) {
        this.topicName = topicName;
        this.compacted = compacted;
        this.partitions = partitions;
    }

    /** Partition count the topic is created with. */
    public int partitions() {
        return partitions;
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
