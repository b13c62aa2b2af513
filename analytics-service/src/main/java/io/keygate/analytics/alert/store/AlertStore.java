package io.keygate.analytics.alert.store;

import io.keygate.events.EventEnvelope;
import io.keygate.events.alert.AlertRaised;
import io.keygate.eventstore.EventStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Stores raised alerts in the event store, each its own aggregate (version 1, event id = alert id), with an outbox
 * row in the caller's transaction; the event store's relay publishes them to {@code keygate.alerts}. An alert whose
 * id is already stored (the same incident detected again) is skipped, so each incident is published once.
 */
@ApplicationScoped
public class AlertStore {

    /** CloudEvents {@code source} of alerts. */
    public static final String SOURCE = "/analytics-service";

    private static final String KNOWN = "SELECT event_id FROM event_store WHERE event_id = ANY($1::uuid[])";

    private final EventStore events;

    AlertStore(EventStore events) {
        this.events = events;
    }

    /**
     * Appends the alerts not stored before, in the caller's transaction.
     *
     * @return the alerts that were new
     */
    public Uni<List<AlertRaised>> append(SqlConnection tx, List<AlertRaised> alerts) {
        if (alerts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Map<UUID, AlertRaised> byId = new LinkedHashMap<>();
        alerts.forEach(alert -> byId.putIfAbsent(UUID.fromString(alert.alertId()), alert));
        return tx.preparedQuery(KNOWN)
                .execute(Tuple.tuple().addArrayOfUUID(byId.keySet().toArray(UUID[]::new)))
                .chain(rows -> {
                    Set<UUID> known = new HashSet<>();
                    rows.forEach(row -> known.add(row.getUUID("event_id")));
                    known.forEach(byId::remove);
                    List<AlertRaised> fresh = List.copyOf(byId.values());
                    return Multi.createFrom()
                            .iterable(byId.entrySet())
                            .onItem()
                            .transformToUniAndConcatenate(e -> events.append(
                                    tx,
                                    "alert",
                                    0,
                                    List.of(new EventEnvelope<>(
                                            e.getKey(),
                                            SOURCE,
                                            1,
                                            e.getValue().detectedAt(),
                                            null,
                                            null,
                                            e.getValue()))))
                            .collect()
                            .last()
                            .replaceWith(fresh);
                });
    }
}
