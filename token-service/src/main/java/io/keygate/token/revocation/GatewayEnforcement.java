package io.keygate.token.revocation;

import java.time.Instant;

/**
 * Whether one live gateway enforces a revocation, from its watermarks.
 *
 * @param gatewayId       the gateway replica
 * @param lastWatermarkAt when it published its latest watermark
 * @param appliedPosition its latest applied position on the revocation's partition (-1 if it reported none)
 * @param enforced        whether that position is past the revocation's offset
 * @param enforcedSince   when its applied position was first seen past the offset (null when not enforced). Exact
 *                        to one watermark interval when the token-service saw the position pass the offset; for a
 *                        revocation older than the watermarks kept, the earliest kept time: an upper bound
 */
public record GatewayEnforcement(
        String gatewayId, Instant lastWatermarkAt, long appliedPosition, boolean enforced, Instant enforcedSince) {}
