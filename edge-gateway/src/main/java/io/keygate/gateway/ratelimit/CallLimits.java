package io.keygate.gateway.ratelimit;

import io.keygate.events.policy.PlanRateLimit;
import io.keygate.events.policy.PlanRateLimitMode;
import io.keygate.events.policy.PlanState;
import io.keygate.events.policy.SubscriptionState;
import io.keygate.events.token.Quota;
import io.keygate.events.token.RateLimit;
import io.keygate.gateway.check.CallContext;
import io.keygate.gateway.check.Caller;
import io.keygate.gateway.state.PlanIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * The limits a call is held to: its credential's own rate limit and quota, and the rate limit and quota of the
 * plan its subscription is on (shared by every credential of the subscribing application). The tightest one
 * decides.
 *
 * <p>A credential's rate limit of {@code n} per period lets an idle caller send {@code n} at once; a plan's holds
 * its {@code burst} on top of that.
 *
 * <p>The key's own limits are counted in the gateway's configured mode; a plan's in the mode the plan names, if any.
 */
public final class CallLimits {

    private final PlanIndex plans;

    public CallLimits(PlanIndex plans) {
        this.plans = plans;
    }

    /** The limits of an admitted call (caller known, subscription approved); empty when it has none. */
    public List<Limit> of(CallContext call, long nowMicros) {
        Caller caller = call.caller();
        SubscriptionState subscription = call.subscription();
        PlanState plan = subscription == null ? null : plans.find(subscription.planId());
        RateLimit ownRate = caller.rateLimit();
        Quota ownQuota = caller.quota();
        if (ownRate == null
                && ownQuota == null
                && (plan == null || (plan.rateLimit() == null && plan.quota() == null))) {
            return List.of();
        }
        List<Limit> limits = new ArrayList<>(4);
        String credential = caller.credentialId();
        if (ownRate != null) {
            limits.add(Limit.rate("key", "k:" + credential, ownRate.requests(), ownRate.per(), ownRate.requests()));
        }
        if (ownQuota != null) {
            limits.add(Limit.quota("key-quota", "kq:" + credential, ownQuota.limit(), ownQuota.refill(), nowMicros));
        }
        if (plan != null) {
            String bucket = subscription.subscriptionId() + ':' + plan.planId();
            RateLimitMode mode = modeOf(plan.rateLimitMode());
            PlanRateLimit rate = plan.rateLimit();
            if (rate != null) {
                limits.add(
                        Limit.rate("plan", "p:" + bucket, rate.requests(), rate.per(), rate.requests() + rate.burst())
                                .countedIn(mode));
            }
            if (plan.quota() != null) {
                limits.add(Limit.quota(
                                "plan-quota",
                                "pq:" + bucket,
                                plan.quota().requests(),
                                plan.quota().per(),
                                nowMicros)
                        .countedIn(mode));
            }
        }
        return limits;
    }

    /** The mode a plan names, or null for the gateway's configured one. */
    static RateLimitMode modeOf(PlanRateLimitMode planMode) {
        if (planMode == null) {
            return null;
        }
        return switch (planMode) {
            case LOCAL -> RateLimitMode.LOCAL;
            case CLUSTER -> RateLimitMode.CLUSTER;
            case HYBRID -> RateLimitMode.HYBRID;
        };
    }
}
