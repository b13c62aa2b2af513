package io.keygate.analytics.rollup;

import io.keygate.events.call.CallRecorded;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The rollup rules: which calls are counted and in which rows. Pure, so it is unit-tested without a database. */
public final class CallRollups {

    private CallRollups() {}

    /**
     * Whether a call is rolled up: it must belong to a tenant (a call to no route with no known key has none and is
     * only counted in a metric).
     */
    public static boolean isRolledUp(CallRecorded call) {
        return isRolledUp(call.tenantId());
    }

    /** Whether a call read from its topic is rolled up (see {@link #isRolledUp(CallRecorded)}). */
    public static boolean isRolledUp(ConsumedCall call) {
        return isRolledUp(call.tenantId());
    }

    private static boolean isRolledUp(String tenantId) {
        return tenantId != null;
    }

    /** Status class of a status: 2 for 2xx, …; out-of-range statuses are clamped to 1 or 5. */
    public static int statusClass(int status) {
        return Math.max(1, Math.min(5, status / 100));
    }

    /** The minute row key of a call. */
    private static RollupKey minuteKeyOf(ConsumedCall call) {
        return new RollupKey(
                Granularity.MINUTE,
                Granularity.MINUTE.bucketOf(call.receivedAt()),
                call.tenantId(),
                orEmpty(call.applicationId()),
                orEmpty(call.keyId()),
                orEmpty(call.routeId()),
                statusClass(call.status()));
    }

    /**
     * The minute rows of {@code calls} (all rolled up): what one window appends, in no particular order (appending
     * takes no row locks, so writers need no common order). Hour and day rows are built from minute rows later
     * ({@link RollupCompaction}), so a call is summed once here, not three times.
     */
    public static Map<RollupKey, CallRollup> rollUpMinutes(Collection<ConsumedCall> calls) {
        Map<RollupKey, CallRollup> rows = new HashMap<>();
        for (ConsumedCall call : calls) {
            if (!isRolledUp(call)) {
                throw new IllegalArgumentException(
                        "Call at " + call.partition() + "-" + call.offset() + " has no tenant");
            }
            rows.computeIfAbsent(minuteKeyOf(call), k -> CallRollup.pending())
                    .add(call.bytesIn(), call.bytesOut(), call.durationMicros());
        }
        return rows;
    }

    private static String orEmpty(String id) {
        return id == null ? "" : id;
    }
}
