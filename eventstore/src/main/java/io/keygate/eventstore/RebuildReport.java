package io.keygate.eventstore;

import java.time.Duration;
import java.util.Map;

/**
 * What a projection rebuild did.
 *
 * @param aggregates per projection name, how many aggregates it was rebuilt from
 * @param events     per projection name, how many events were replayed into it
 * @param took       wall-clock time of the whole rebuild, including the wait for the table locks
 */
public record RebuildReport(Map<String, Long> aggregates, Map<String, Long> events, Duration took) {

    public RebuildReport {
        aggregates = Map.copyOf(aggregates);
        events = Map.copyOf(events);
    }
}
