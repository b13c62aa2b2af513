package io.keygate.gateway.ratelimit;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts limits in this process, shared by all its event loops without locks: a rate limit is one atomic
 * number (the GCRA's theoretical arrival time), a quota one atomic counter per window. Also the fallback of the
 * cluster limiters while Redis cannot be reached.
 *
 * <p>Memory stays bounded by the callers active recently: {@link #sweep} drops buckets that are full again and
 * counters of ended windows, which are indistinguishable from absent ones.
 */
public final class LocalRateLimiter implements RateLimiter {

    private final Map<String, AtomicLong> arrivals = new ConcurrentHashMap<>();
    private final Map<String, QuotaCounter> counters = new ConcurrentHashMap<>();

    private record QuotaCounter(AtomicLong used, long windowEndMicros) {}

    @Override
    public Future<LimitDecision> admit(List<Limit> limits, long nowMicros) {
        return Future.succeededFuture(decide(limits, nowMicros));
    }

    /** {@link #admit}, synchronously. */
    public LimitDecision decide(List<Limit> limits, long nowMicros) {
        int count = limits.size();
        long[] remaining = new long[count];
        long[] reset = new long[count];
        for (int i = 0; i < count; i++) {
            Limit limit = limits.get(i);
            long retryAfter = limit.kind() == LimitKind.RATE
                    ? takeToken(limit, nowMicros, remaining, reset, i)
                    : countUse(limit, nowMicros, remaining, reset, i);
            if (retryAfter >= 0) {
                for (int j = 0; j < i; j++) {
                    refund(limits.get(j));
                }
                return new LimitDecision(false, limit, retryAfter, limits, remaining, reset);
            }
        }
        return new LimitDecision(true, null, 0, limits, remaining, reset);
    }

    /** Charges one token; returns -1 when admitted, else the µs until a token is due (remaining/reset filled in). */
    private long takeToken(Limit limit, long now, long[] remaining, long[] reset, int index) {
        AtomicLong arrival = arrivals.computeIfAbsent(limit.bucket(), bucket -> new AtomicLong());
        long interval = limit.intervalMicros();
        long tolerance = limit.toleranceMicros();
        while (true) {
            long stored = arrival.get();
            long due = Math.max(stored, now);
            if (due - tolerance > now) {
                remaining[index] = 0;
                reset[index] = due - now;
                return due - tolerance - now;
            }
            long next = due + interval;
            if (arrival.compareAndSet(stored, next)) {
                remaining[index] = (now + tolerance - next) / interval + 1;
                reset[index] = next - now;
                return -1;
            }
        }
    }

    /** Counts one use; returns -1 when admitted, else the µs until the window ends (0: never). */
    private long countUse(Limit limit, long now, long[] remaining, long[] reset, int index) {
        QuotaCounter counter = counters.computeIfAbsent(
                limit.bucket(), bucket -> new QuotaCounter(new AtomicLong(), limit.windowEndMicros()));
        long untilEnd = limit.windowEndMicros() == 0 ? 0 : Math.max(0, limit.windowEndMicros() - now);
        reset[index] = untilEnd;
        long used = counter.used().incrementAndGet();
        if (used > limit.quota()) {
            counter.used().decrementAndGet();
            remaining[index] = 0;
            return untilEnd;
        }
        remaining[index] = limit.quota() - used;
        return -1;
    }

    @Override
    public void refund(List<Limit> limits, long nowMicros) {
        for (int i = 0; i < limits.size(); i++) {
            refund(limits.get(i));
        }
    }

    private void refund(Limit limit) {
        if (limit.kind() == LimitKind.RATE) {
            AtomicLong arrival = arrivals.get(limit.bucket());
            if (arrival != null) {
                arrival.addAndGet(-limit.intervalMicros());
            }
        } else {
            QuotaCounter counter = counters.get(limit.bucket());
            if (counter != null) {
                counter.used().decrementAndGet();
            }
        }
    }

    /** Forgets buckets that are full again and counters of windows that ended before {@code nowMicros}. */
    public void sweep(long nowMicros) {
        arrivals.values().removeIf(arrival -> arrival.get() <= nowMicros);
        counters.values().removeIf(counter -> counter.windowEndMicros() != 0 && counter.windowEndMicros() <= nowMicros);
    }

    /** Number of buckets and counters held (a gauge). */
    public int size() {
        return arrivals.size() + counters.size();
    }
}
