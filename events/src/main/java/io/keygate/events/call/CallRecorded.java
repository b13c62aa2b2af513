package io.keygate.events.call;

import java.time.Instant;
import java.util.Objects;

/**
 * One request handled by a gateway. Type {@code io.keygate.call.recorded.v1}. Keyed by key id when the
 * request presented a known key, else by request id.
 *
 * @param requestId      the {@code X-Request-Id} the gateway assigned or accepted
 * @param gatewayId      the gateway replica that handled it
 * @param tenantId       tenant of the route (or of the key), null when neither is known
 * @param routeId        matched route, or null
 * @param keyId          id of the credential presented, when known: an API key's id, or a JWT's client id; else null
 * @param applicationId  application the credential belongs to (an API key's or an OAuth client's), when the
 *                       credential is known and was issued to one; else null. Added compatibly to v1: readers of
 *                       older records see null
 * @param method         HTTP method
 * @param path           request path, without the query string (which may hold secrets)
 * @param status         status sent to the client
 * @param outcome        what the gateway did, with the precise rejection reason
 * @param durationMicros time from request received to response sent, microseconds
 * @param bytesIn        request body bytes received
 * @param bytesOut       response body bytes sent
 * @param clientIp       the client's address
 * @param receivedAt     when the gateway received the request
 */
public record CallRecorded(
        String requestId,
        String gatewayId,
        String tenantId,
        String routeId,
        String keyId,
        String applicationId,
        String method,
        String path,
        int status,
        CallOutcome outcome,
        long durationMicros,
        long bytesIn,
        long bytesOut,
        String clientIp,
        Instant receivedAt)
        implements CallEvent {

    public CallRecorded {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    @Override
    public String aggregateId() {
        return keyId != null ? keyId : requestId;
    }
}
