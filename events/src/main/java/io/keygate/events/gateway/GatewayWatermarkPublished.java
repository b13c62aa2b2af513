package io.keygate.events.gateway;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A gateway replica's revocation watermark: the positions it has applied on every partition of
 * {@code keygate.tokens}, published periodically. Type {@code io.keygate.gateway.watermark-published.v1}, keyed
 * by gateway id on a compacted topic, so the last record per gateway is its latest watermark. The token-service
 * reads it to tell when a revocation (a record at a known partition and offset) is enforced by every live gateway.
 *
 * @param gatewayId   the replica's id (as in its call records); the aggregate id and record key
 * @param publishedAt when the gateway published it: a gateway whose last watermark is old is not live
 * @param positions   one entry per partition of {@code keygate.tokens}
 */
public record GatewayWatermarkPublished(String gatewayId, Instant publishedAt, List<AppliedPosition> positions)
        implements GatewayEvent {

    public GatewayWatermarkPublished {
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(publishedAt, "publishedAt");
        positions = List.copyOf(positions);
    }

    @Override
    public String aggregateId() {
        return gatewayId;
    }

    @Override
    public String tenantId() {
        return null;
    }
}
