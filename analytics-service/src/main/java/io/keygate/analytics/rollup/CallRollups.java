package io.keygate.analytics.rollup;

import io.keygate.events.EventEnvelope;
import io.keygate.events.call.CallRecorded;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** The rollup rules: which calls are counted and in which rows. Pure, so it is unit-tested without a database. */
public final class CallRollups {

    private CallRollups() {}

    /**
     * Whether a call is rolled up: it must belong to a tenant (a call to no route with no known key has none and is
     * only counted in a metric).
     */
    public static boolean isRolledUp(CallRecorded call) {
        return call.tenantId() != null;
    }

    /** The calls with distinct event ids, in order (the first of duplicates wins). */
    public static List<EventEnvelope<CallRecorded>> distinctById(List<EventEnvelope<CallRecorded>> calls) {
        Set<UUID> seen = new HashSet<>();
        return calls.stream().filter(call -> seen.add(call.id())).toList();
    }

    /** Status class of a status: 2 for 2xx, …; out-of-range statuses are clamped to 1 or 5. */
    public static int statusClass(int status) {
        return Math.max(1, Math.min(5, status / 100));
    }

    /** The rollup row keys of a call: one per granularity. */
    public static RollupKey keyOf(CallRecorded call, Granularity granularity) {
        return new RollupKey(
                granularity,
                granularity.bucketOf(call.receivedAt()),
                call.tenantId(),
                call.keyId() == null ? "" : call.keyId(),
                call.routeId() == null ? "" : call.routeId(),
                statusClass(call.status()));
    }

    /** The rows of {@code calls} (all rolled up) at every granularity, in {@link RollupKey} order. */
    public static Map<RollupKey, CallRollup> rollUp(Collection<CallRecorded> calls) {
        // Summed in a hash map and sorted once: a call touches three rows, a row is sorted once.
        Map<RollupKey, CallRollup> rows = new HashMap<>();
        for (CallRecorded call : calls) {
            if (!isRolledUp(call)) {
                throw new IllegalArgumentException("Call " + call.requestId() + " has no tenant");
            }
            for (Granularity granularity : Granularity.values()) {
                rows.computeIfAbsent(keyOf(call, granularity), k -> CallRollup.empty())
                        .add(call.bytesIn(), call.bytesOut(), call.durationMicros());
            }
        }
        return new TreeMap<>(rows);
    }
}
