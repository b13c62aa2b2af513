package io.keygate.eventstore;

import java.time.Instant;
import java.util.Objects;

/**
 * What a command stamps on the events it appends besides their data.
 *
 * @param at            when they happened (CloudEvents {@code time})
 * @param correlationId the request or flow (extension {@code correlationid}); may be null
 * @param causationId   the event or command that caused them (extension {@code causationid}); may be null
 * @param actor         who caused them, e.g. {@code user:<id>} (extension {@code actor}); null if not known
 * @param clientIp      the client address of the request (extension {@code clientip}); null if not known
 */
public record EventMetadata(Instant at, String correlationId, String causationId, String actor, String clientIp) {

    public EventMetadata {
        Objects.requireNonNull(at, "at");
    }

    /** Metadata without actor and client address. */
    public static EventMetadata of(Instant at, String correlationId, String causationId) {
        return new EventMetadata(at, correlationId, causationId, null, null);
    }
}
