package io.keygate.gateway.state.rest;

import io.keygate.gateway.state.ConsumerPhase;
import java.time.Instant;
import java.util.Map;

/**
 * What the admin API tells about the gateway's in-memory state.
 *
 * @param ready             whether the proxy serves requests (the readiness condition, staleness included)
 * @param phase             where the state consumer is
 * @param keys              API keys known, in any status
 * @param routes            routes known
 * @param appliedOffsets    per partition ({@code topic-partition}), the next offset to apply: all before it is applied
 * @param endOffsetsAtStart per partition, the end offset seen at start, which readiness waits for
 * @param lag               records not applied yet
 * @param freshAsOf         the state holds every record the broker had committed before this instant; null before
 *                          the first proof
 * @param stalenessSeconds  time since {@code freshAsOf}, seconds; null before the first proof
 * @param maxStalenessSeconds beyond this staleness the gateway fails closed; null when it never does
 */
public record GatewayStateView(
        boolean ready,
        ConsumerPhase phase,
        int keys,
        int routes,
        Map<String, Long> appliedOffsets,
        Map<String, Long> endOffsetsAtStart,
        long lag,
        Instant freshAsOf,
        Double stalenessSeconds,
        Double maxStalenessSeconds) {}
