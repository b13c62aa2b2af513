package io.keygate.audit.event;

import java.time.Instant;
import java.util.UUID;

/**
 * One gateway call record as the trail keeps it (every field of {@code io.keygate.call.recorded.v1}), apart from
 * admin activity: call records are many, kept for a shorter time and not hash-chained.
 *
 * @param eventId        CloudEvents id
 * @param occurredAt     CloudEvents time (when the gateway received the request); the day partition
 * @param tenantId       the tenant of the route or credential, or null
 * @param keyId          the credential that called, or null
 * @param routeId        the route matched, or null
 * @param gatewayId      the gateway replica, or null
 * @param requestId      the gateway's request id
 * @param method         HTTP method
 * @param path           request path
 * @param status         HTTP status answered
 * @param outcome        the gateway's precise outcome, e.g. {@code PROXIED}, {@code REVOKED_KEY}
 * @param clientIp       the client's address, or null
 * @param durationMicros time from request to response
 * @param bytesIn        request body bytes
 * @param bytesOut       response body bytes
 */
public record CallRecordRow(
        UUID eventId,
        Instant occurredAt,
        String tenantId,
        String keyId,
        String routeId,
        String gatewayId,
        String requestId,
        String method,
        String path,
        int status,
        String outcome,
        String clientIp,
        long durationMicros,
        long bytesIn,
        long bytesOut) {}
