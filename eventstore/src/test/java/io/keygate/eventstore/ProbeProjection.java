package io.keygate.eventstore;

import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/** A test read model: per aggregate of type {@code probe}, how many events it has and its last version. */
@ApplicationScoped
public class ProbeProjection implements RebuildableProjection {

    static final String AGGREGATE_TYPE = "probe";

    @Override
    public String name() {
        return "rebuild_probe";
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(AGGREGATE_TYPE);
    }

    @Override
    public List<String> tables() {
        return List.of("rebuild_probe");
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx, String aggregateId, List<EventEnvelope<KeygateEvent>> events) {
        return tx.preparedQuery("INSERT INTO rebuild_probe (aggregate_id, events, last_version, first_version) "
                        + "VALUES ($1, $2, $3, $4)")
                .execute(Tuple.of(
                        aggregateId,
                        events.size(),
                        events.get(events.size() - 1).sequence(),
                        events.get(0).sequence()))
                .replaceWithVoid();
    }
}
