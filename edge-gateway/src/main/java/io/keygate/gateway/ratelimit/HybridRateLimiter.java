package io.keygate.gateway.ratelimit;

import io.keygate.gateway.metrics.GatewayMetrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Counts limits across gateways with few Redis calls: each event loop leases a batch of tokens from the Redis
 * buckets (the same script as the cluster mode, taking a batch at once) and spends them locally, leasing the next
 * batch when half is spent. A batch is what the event loop spent in one lease period lately, at most what the
 * tightest limit refills in one. Tokens are taken from Redis before they are spent, so gateways together never admit
 * more than the limit; a lease left unspent when it expires is lost, so they may admit a little less (at most one
 * batch per event loop and caller). A refusal from Redis is remembered until its retry-after, so refused callers
 * cost no round trip either.
 *
 * <p>One instance per proxy event loop, confined to it: plain maps, no locks.
 */
public final class HybridRateLimiter implements RateLimiter {

    /**
     * Largest share of a daily or monthly quota one lease takes. Leases are sized by demand below it, and live until
     * the quota's window ends ({@link #leaseEnd}): what is left unspent then is at most one lease per event loop.
     */
    static final double QUOTA_SHARE = 0.01;

    private final Vertx vertx;
    private final LimitScript script;
    private final LocalRateLimiter fallback;
    private final RedisAvailability availability;
    private final GatewayMetrics metrics;
    private final long timeoutMillis;
    private final long leaseMicros;
    private final Map<String, Lease> leases = new HashMap<>();

    /** Tokens leased for one set of limits, and the latest Redis answer about them. */
    private static final class Lease {
        private long tokens;
        /** Tokens asked for in the latest lease: a refill is asked for when fewer than half are left. */
        private long size;
        /** Tokens spent since the latest lease was asked for, and when that was: this event loop's demand. */
        private long spent;

        private long askedAtMicros;
        private long expiresAtMicros;
        private long refusedUntilMicros;
        private LimitDecision lastAnswer;
        private Future<Void> refill;
    }

    public HybridRateLimiter(
            Vertx vertx,
            Redis redis,
            String keyPrefix,
            long timeoutMillis,
            long leaseMicros,
            LocalRateLimiter fallback,
            RedisAvailability availability,
            GatewayMetrics metrics) {
        this.vertx = vertx;
        this.script = new LimitScript(redis, keyPrefix);
        this.timeoutMillis = timeoutMillis;
        this.leaseMicros = leaseMicros;
        this.fallback = fallback;
        this.availability = availability;
        this.metrics = metrics;
        script.load().onFailure(failure -> availability.failed(failure, RateLimiting.nowMicros()));
    }

    @Override
    public Future<LimitDecision> admit(List<Limit> limits, long nowMicros) {
        String key = leaseKey(limits);
        Lease lease = leases.computeIfAbsent(key, k -> new Lease());
        if (lease.tokens > 0 && nowMicros < lease.expiresAtMicros) {
            lease.tokens--;
            lease.spent++;
            // A lease of one is not refilled ahead: the demand has not shown yet, a token asked for ahead could expire.
            if (lease.refill == null && lease.size > 1 && lease.tokens * 2 < lease.size) {
                refill(lease, limits, nowMicros);
            }
            return Future.succeededFuture(admitted(lease, limits));
        }
        if (nowMicros < lease.refusedUntilMicros && lease.lastAnswer != null) {
            return Future.succeededFuture(refused(lease, nowMicros));
        }
        if (!availability.shouldTry(nowMicros)) {
            metrics.rateLimitDecidedLocally();
            return fallback.admit(limits, nowMicros);
        }
        Future<Void> pending = lease.refill != null ? lease.refill : refill(lease, limits, nowMicros);
        return pending.transform(done -> {
            if (done.failed()) {
                metrics.rateLimitDecidedLocally();
                return fallback.admit(limits, nowMicros);
            }
            if (lease.tokens > 0) {
                lease.tokens--;
                lease.spent++;
                return Future.succeededFuture(admitted(lease, limits));
            }
            if (lease.refusedUntilMicros > nowMicros) {
                return Future.succeededFuture(refused(lease, nowMicros));
            }
            // Granted, but spent by the calls that waited on the same lease before this one: lease again.
            return admit(limits, nowMicros);
        });
    }

    /**
     * Puts the token back on its lease while the lease runs, so a later call spends it; while Redis does not answer
     * the call was decided by the local fallback, which gets it back instead. A token of an expired lease is lost, as
     * leftovers of expired leases are.
     */
    @Override
    public void refund(List<Limit> limits, long nowMicros) {
        if (availability.unreachableSince() != null) {
            fallback.refund(limits, nowMicros);
            return;
        }
        Lease lease = leases.get(leaseKey(limits));
        if (lease != null && nowMicros < lease.expiresAtMicros) {
            lease.tokens++;
        }
    }

    private Future<Void> refill(Lease lease, List<Limit> limits, long nowMicros) {
        Promise<Void> refilled = Promise.promise();
        lease.refill = refilled.future();
        long timer = vertx.setTimer(timeoutMillis, id -> {
            if (refilled.tryFail(new TimeoutException("no answer in " + timeoutMillis + " ms"))) {
                lease.refill = null;
                availability.failed(refilled.future().cause(), nowMicros);
            }
        });
        lease.size = leaseSize(lease, limits, nowMicros);
        lease.spent = 0;
        lease.askedAtMicros = nowMicros;
        script.take(limits, lease.size).onComplete(answer -> {
            vertx.cancelTimer(timer);
            if (answer.failed()) {
                if (refilled.tryFail(answer.cause())) {
                    lease.refill = null;
                    availability.failed(answer.cause(), nowMicros);
                }
                return;
            }
            availability.answered();
            Response result = answer.result();
            long granted = result.get(0).toLong();
            if (lease.expiresAtMicros <= nowMicros) {
                lease.tokens = 0; // an expired lease's leftovers are not spent late
            }
            lease.tokens += granted;
            lease.expiresAtMicros = leaseEnd(limits, nowMicros);
            lease.lastAnswer = LimitScript.decision(limits, result);
            lease.refusedUntilMicros = granted > 0 ? 0 : nowMicros + lease.lastAnswer.retryAfterMicros();
            lease.refill = null;
            refilled.tryComplete();
        });
        return refilled.future();
    }

    /**
     * Tokens to ask for: what this event loop spent in one lease period lately (its share of the demand), growing at
     * most twofold per lease (one token at first), at most {@link #batch}. A lease sized by the limit alone has every
     * gateway hold a lease period of the whole limit: tokens a gateway does not spend before its lease expires are
     * lost, and under a demand below the limit the gateways together admit far less than it. Sized by demand, a
     * lease is spent before it expires and only what is left when the calls stop is lost.
     */
    private long leaseSize(Lease lease, List<Limit> limits, long nowMicros) {
        if (lease.askedAtMicros == 0) {
            return 1;
        }
        long elapsed = Math.max(1, nowMicros - lease.askedAtMicros);
        long demand = (lease.spent * leaseMicros + elapsed - 1) / elapsed;
        return Math.max(1, Math.min(Math.min(batch(limits), 2 * lease.size), demand));
    }

    /**
     * When a lease taken now expires: after one lease period, or, for a lease of daily or monthly quotas only, at the
     * end of their window. A quota's tokens do not come back with time as a rate's do, so a lease of them loses
     * nothing by living on: a caller who pauses spends its leftovers when it comes back, where a lease expiring after
     * 100 ms lost them for the whole window.
     */
    long leaseEnd(List<Limit> limits, long nowMicros) {
        long windowEnd = Long.MAX_VALUE;
        for (Limit limit : limits) {
            if (limit.kind() != LimitKind.QUOTA || limit.windowEndMicros() == 0) {
                return nowMicros + leaseMicros;
            }
            windowEnd = Math.min(windowEnd, limit.windowEndMicros());
        }
        return Math.max(nowMicros + leaseMicros, windowEnd);
    }

    /**
     * The most tokens to lease at once, at least one, bounded by the tightest limit: of a rate, what it refills in one
     * lease period; of a daily or monthly quota, {@link #QUOTA_SHARE} of it. (A quota's refill per lease period is no
     * bound: a million a day is one token per 100 ms lease, which made every call a Redis round trip.) A lifetime quota
     * never comes back, so its tokens are leased one at a time.
     */
    long batch(List<Limit> limits) {
        long batch = Long.MAX_VALUE;
        for (Limit limit : limits) {
            long perLease = limit.kind() == LimitKind.RATE
                    ? leaseMicros / limit.intervalMicros()
                    : limit.windowSeconds() == 0 ? 1 : (long) (limit.quota() * QUOTA_SHARE);
            batch = Math.min(batch, perLease);
        }
        return Math.max(1, batch);
    }

    private static LimitDecision admitted(Lease lease, List<Limit> limits) {
        LimitDecision last = lease.lastAnswer;
        long[] remaining = new long[limits.size()];
        for (int i = 0; i < remaining.length; i++) {
            remaining[i] = last.remaining()[i] + lease.tokens;
        }
        return new LimitDecision(true, null, 0, limits, remaining, last.resetMicros());
    }

    private static LimitDecision refused(Lease lease, long nowMicros) {
        LimitDecision last = lease.lastAnswer;
        Limit refusedBy =
                last.refusedBy() != null ? last.refusedBy() : last.limits().get(0);
        long retryAfter = lease.refusedUntilMicros > nowMicros ? lease.refusedUntilMicros - nowMicros : 0;
        return new LimitDecision(
                false,
                refusedBy,
                retryAfter,
                last.limits(),
                new long[last.limits().size()],
                last.resetMicros());
    }

    /** Forgets leases that expired before {@code nowMicros} and are not being refilled. */
    public void sweep(long nowMicros) {
        List<String> expired = new ArrayList<>();
        leases.forEach((key, lease) -> {
            if (lease.refill == null && lease.expiresAtMicros <= nowMicros && lease.refusedUntilMicros <= nowMicros) {
                expired.add(key);
            }
        });
        expired.forEach(leases::remove);
    }

    private static String leaseKey(List<Limit> limits) {
        if (limits.size() == 1) {
            return limits.get(0).bucket();
        }
        StringBuilder key = new StringBuilder();
        for (Limit limit : limits) {
            key.append(limit.bucket()).append('|');
        }
        return key.toString();
    }
}
