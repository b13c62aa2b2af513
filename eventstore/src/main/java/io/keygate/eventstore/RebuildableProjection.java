package io.keygate.eventstore;

import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.List;
import java.util.Set;

/**
 * A read model that is a pure function of the event store, so {@link ProjectionRebuilder} can throw it
 * away and build it again. A service makes a projection rebuildable by exposing it as a CDI bean of this
 * type; the same write method it uses in its command transactions should serve {@link #rebuild}, so a
 * rebuilt row cannot differ from a live one.
 */
public interface RebuildableProjection {

    /** A short name for reports and logs, e.g. {@code api_key}. */
    String name();

    /** The aggregate types (as given to {@link EventStore#append}) whose events build this projection. */
    Set<String> aggregateTypes();

    /** The tables this projection alone writes; locked and emptied before the replay. */
    List<String> tables();

    /**
     * Writes what one aggregate contributes to the projection, given all its events, oldest first, in the
     * rebuild's transaction.
     */
    Uni<Void> rebuild(SqlConnection tx, String aggregateId, List<EventEnvelope<KeygateEvent>> events);
}
