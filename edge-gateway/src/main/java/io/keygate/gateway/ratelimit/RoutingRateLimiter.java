package io.keygate.gateway.ratelimit;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The limiter of one proxy event loop: each limit of a call goes to the limiter of its mode (the mode its plan names,
 * else the gateway's configured one). A call whose limits share one mode — nearly every call — is decided by that
 * limiter alone, at no extra cost.
 *
 * <p>A call with limits in several modes (a key's limit in the configured mode, its plan's in another) is decided mode
 * by mode, cheapest first: local, then hybrid, then cluster. The first refusal decides: it is the answer (status,
 * {@code Retry-After}), the modes after it are not asked, and what the modes before it charged is given back — exactly
 * in local mode, to the running lease in hybrid mode — so a refused call charges none. Cluster mode is asked last
 * because an exact Redis charge cannot be given back without a second round trip. The {@code RateLimit} fields of a
 * refusal then list the limits that were asked. While Redis does not answer, cluster and hybrid limits are decided by
 * the local limiter, as in those modes alone.
 *
 * <p>The Redis limiters of the modes other than the configured one are created on first use, so a gateway whose plans
 * name no other mode never connects to Redis for them. Confined to its event loop: plain fields, no locks.
 */
final class RoutingRateLimiter implements RateLimiter {

    private static final Logger LOG = Logger.getLogger(RoutingRateLimiter.class);

    /** The order modes are asked in across a call's limits. */
    private static final RateLimitMode[] ORDER = {RateLimitMode.LOCAL, RateLimitMode.HYBRID, RateLimitMode.CLUSTER};

    private final RateLimitMode configured;
    private final RateLimiter[] limiters = new RateLimiter[RateLimitMode.values().length];
    private final Supplier<? extends RateLimiter>[] factories;

    @SuppressWarnings("unchecked")
    RoutingRateLimiter(
            RateLimitMode configured,
            RateLimiter local,
            Supplier<? extends RateLimiter> cluster,
            Supplier<? extends RateLimiter> hybrid) {
        this.configured = configured;
        this.factories = new Supplier[RateLimitMode.values().length];
        limiters[RateLimitMode.LOCAL.ordinal()] = local;
        factories[RateLimitMode.CLUSTER.ordinal()] = cluster;
        factories[RateLimitMode.HYBRID.ordinal()] = hybrid;
    }

    /**
     * The limiter of {@code mode}, created on first use. One that cannot be created (a Redis URL that does not parse)
     * leaves the mode's limits counted locally, as while Redis does not answer, rather than failing the calls.
     */
    RateLimiter limiter(RateLimitMode mode) {
        RateLimiter limiter = limiters[mode.ordinal()];
        if (limiter == null) {
            try {
                limiter = factories[mode.ordinal()].get();
            } catch (RuntimeException e) {
                LOG.errorf(e, "No %s rate limiter: its limits are counted in this gateway only", mode);
                limiter = limiters[RateLimitMode.LOCAL.ordinal()];
            }
            limiters[mode.ordinal()] = limiter;
        }
        return limiter;
    }

    @Override
    public Future<LimitDecision> admit(List<Limit> limits, long nowMicros) {
        RateLimitMode mode = limits.get(0).modeOr(configured);
        for (int i = 1; i < limits.size(); i++) {
            if (limits.get(i).modeOr(configured) != mode) {
                return new AcrossModes(limits).decide(0, nowMicros);
            }
        }
        return limiter(mode).admit(limits, nowMicros);
    }

    /** One call's limits split by mode, decided mode by mode. */
    private final class AcrossModes {

        private final List<Limit> limits;
        private final List<List<Limit>> groups = new ArrayList<>(ORDER.length);
        private final LimitDecision[] decisions = new LimitDecision[ORDER.length];

        AcrossModes(List<Limit> limits) {
            this.limits = limits;
            for (RateLimitMode mode : ORDER) {
                List<Limit> group = new ArrayList<>(limits.size());
                for (Limit limit : limits) {
                    if (limit.modeOr(configured) == mode) {
                        group.add(limit);
                    }
                }
                groups.add(group);
            }
        }

        Future<LimitDecision> decide(int step, long nowMicros) {
            if (step == ORDER.length) {
                return Future.succeededFuture(merged(null));
            }
            List<Limit> group = groups.get(step);
            if (group.isEmpty()) {
                return decide(step + 1, nowMicros);
            }
            return limiter(ORDER[step]).admit(group, nowMicros).compose(decision -> {
                decisions[step] = decision;
                if (decision.admitted()) {
                    return decide(step + 1, nowMicros);
                }
                for (int earlier = 0; earlier < step; earlier++) {
                    if (decisions[earlier] != null) {
                        limiter(ORDER[earlier]).refund(groups.get(earlier), nowMicros);
                    }
                }
                return Future.succeededFuture(merged(decision));
            });
        }

        /** One decision over the limits that were asked, in the call's order. */
        private LimitDecision merged(LimitDecision refusal) {
            List<Limit> asked = new ArrayList<>(limits.size());
            long[] remaining = new long[limits.size()];
            long[] reset = new long[limits.size()];
            int[] next = new int[ORDER.length];
            for (Limit limit : limits) {
                int step = stepOf(limit.modeOr(configured));
                LimitDecision decision = decisions[step];
                int index = next[step]++;
                if (decision != null) {
                    remaining[asked.size()] = decision.remaining()[index];
                    reset[asked.size()] = decision.resetMicros()[index];
                    asked.add(limit);
                }
            }
            int count = asked.size();
            return new LimitDecision(
                    refusal == null,
                    refusal == null ? null : refusal.refusedBy(),
                    refusal == null ? 0 : refusal.retryAfterMicros(),
                    asked,
                    count == limits.size() ? remaining : Arrays.copyOf(remaining, count),
                    count == limits.size() ? reset : Arrays.copyOf(reset, count));
        }
    }

    private static int stepOf(RateLimitMode mode) {
        return switch (mode) {
            case LOCAL -> 0;
            case HYBRID -> 1;
            case CLUSTER -> 2;
        };
    }
}
