package io.keygate.events.policy;

import io.keygate.events.token.QuotaRefill;
import java.util.Objects;

/**
 * A plan's quota: at most {@code requests} per calendar {@code per} (UTC), per subscription.
 *
 * @param requests requests allowed per period, at least 1
 * @param per      the period: a day or a month
 */
public record PlanQuota(long requests, QuotaRefill per) {

    public PlanQuota {
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be at least 1");
        }
        Objects.requireNonNull(per, "per");
    }
}
