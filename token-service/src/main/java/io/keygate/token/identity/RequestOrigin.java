package io.keygate.token.identity;

import io.keygate.eventstore.EventMetadata;
import java.time.Instant;

/**
 * Where a request came from, for the events it causes and for lockout.
 *
 * @param clientIp      the client address (behind trusted proxies: see {@code ClientIps}); null if unknown
 * @param correlationId the request's correlation id
 */
public record RequestOrigin(String clientIp, String correlationId) {

    /** The actor of events caused by a user. */
    public static String userActor(String userId) {
        return userId == null ? null : "user:" + userId;
    }

    /** Event metadata for something {@code userId} (may be null) did at {@code at} from this origin. */
    public EventMetadata metadata(Instant at, String userId) {
        return new EventMetadata(at, correlationId, null, userActor(userId), clientIp);
    }
}
