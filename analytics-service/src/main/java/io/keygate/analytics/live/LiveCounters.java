package io.keygate.analytics.live;

import io.keygate.analytics.rollup.ConsumedCall;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Per-second counters per tenant over the last {@code horizon}, by gateway receive time, for the live stream. Fed
 * with the calls a batch counted for the first time (after its commit), so a second's figures only grow and never
 * count a call twice; calls older than the horizon are left to the rollups. Written by the consumer thread, read by
 * the stream's ticks.
 */
public final class LiveCounters {

    private final Duration horizon;
    private final Map<String, NavigableMap<Instant, SecondCounters>> tenants = new ConcurrentHashMap<>();

    public LiveCounters(Duration horizon) {
        this.horizon = horizon;
    }

    /** Adds freshly counted calls, as of {@code now}. */
    public void add(Collection<ConsumedCall> calls, Instant now) {
        Instant oldest = now.minus(horizon).truncatedTo(ChronoUnit.SECONDS);
        for (ConsumedCall call : calls) {
            Instant second = call.receivedAt().truncatedTo(ChronoUnit.SECONDS);
            if (call.tenantId() == null || second.isBefore(oldest)) {
                continue;
            }
            tenants.computeIfAbsent(call.tenantId(), t -> new ConcurrentSkipListMap<>())
                    .merge(
                            second,
                            new SecondCounters(
                                    second, 1, call.status() >= 400 ? 1 : 0, call.bytesIn(), call.bytesOut()),
                            (a, b) -> a.plus(b.calls(), b.errors(), b.bytesIn(), b.bytesOut()));
        }
        tenants.values().forEach(seconds -> seconds.headMap(oldest).clear());
        tenants.values().removeIf(Map::isEmpty);
    }

    /** Every second of the horizon up to {@code now} for a tenant, oldest first, with zeros where there were none. */
    public List<SecondCounters> lastSeconds(String tenantId, Instant now) {
        Instant last = now.truncatedTo(ChronoUnit.SECONDS);
        Instant first = last.minus(horizon).plusSeconds(1);
        NavigableMap<Instant, SecondCounters> seconds = tenants.getOrDefault(tenantId, new ConcurrentSkipListMap<>());
        List<SecondCounters> view = new ArrayList<>();
        for (Instant second = first; !second.isAfter(last); second = second.plusSeconds(1)) {
            SecondCounters counters = seconds.get(second);
            view.add(counters != null ? counters : new SecondCounters(second, 0, 0, 0, 0));
        }
        return view;
    }
}
