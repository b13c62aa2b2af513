package io.keygate.token.apikey.rest;

import io.keygate.events.token.Quota;
import io.keygate.events.token.QuotaRefill;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A key's quota in requests and responses.
 *
 * @param limit  uses allowed, at least 1
 * @param refill {@code DAY} or {@code MONTH} to refill to {@code limit} each period (UTC); absent for a one-off budget
 */
public record QuotaBody(@NotNull @Min(1) Long limit, QuotaRefill refill) {

    Quota toQuota() {
        return new Quota(limit, refill);
    }

    static QuotaBody of(Quota quota) {
        return quota == null ? null : new QuotaBody(quota.limit(), quota.refill());
    }
}
