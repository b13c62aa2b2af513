package io.keygate.analytics.usage;

import io.keygate.events.EventEnvelope;
import io.keygate.events.call.CallRecorded;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The counting rules: which calls count for a key, what an error is, and the per-minute sums. */
public final class UsageRollup {

    /** Rows in one order for every writer, so concurrent upserts lock them in the same order. */
    private static final Comparator<KeyMinuteUsage> ROW_ORDER = Comparator.comparing(KeyMinuteUsage::tenantId)
            .thenComparing(KeyMinuteUsage::keyId)
            .thenComparing(KeyMinuteUsage::minute);

    private UsageRollup() {}

    /** Whether a call counts for a key: it presented a key and a tenant is known. */
    public static boolean isCountedPerKey(CallRecorded call) {
        return call.keyId() != null && call.tenantId() != null;
    }

    /** Whether a call counts as an error: the client got a status of 400 or more. */
    public static boolean isError(CallRecorded call) {
        return call.status() >= 400;
    }

    /** The calls with distinct event ids, in order (the first of duplicates wins). */
    public static List<EventEnvelope<CallRecorded>> distinctById(List<EventEnvelope<CallRecorded>> calls) {
        Set<UUID> seen = new HashSet<>();
        return calls.stream().filter(call -> seen.add(call.id())).toList();
    }

    /** The per key and minute sums of {@code calls} (all counted per key), in a stable order. */
    public static List<KeyMinuteUsage> rollUp(Collection<CallRecorded> calls) {
        Map<List<Object>, KeyMinuteUsage> rows = new LinkedHashMap<>();
        for (CallRecorded call : calls) {
            if (!isCountedPerKey(call)) {
                throw new IllegalArgumentException("Call " + call.requestId() + " is not counted per key");
            }
            KeyMinuteUsage one = new KeyMinuteUsage(
                    call.tenantId(),
                    call.keyId(),
                    call.receivedAt().truncatedTo(ChronoUnit.MINUTES),
                    1,
                    isError(call) ? 1 : 0,
                    call.bytesIn(),
                    call.bytesOut());
            rows.merge(List.of(one.tenantId(), one.keyId(), one.minute()), one, KeyMinuteUsage::plus);
        }
        List<KeyMinuteUsage> sorted = new ArrayList<>(rows.values());
        sorted.sort(ROW_ORDER);
        return sorted;
    }
}
