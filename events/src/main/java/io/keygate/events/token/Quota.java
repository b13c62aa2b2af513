package io.keygate.events.token;

/**
 * A budget of calls for one API key: {@code limit} uses, refilled every {@code refill} period or, when
 * {@code refill} is null, never (the key is spent once the limit is used up).
 *
 * @param limit  uses allowed, at least 1
 * @param refill refill period, or null for a one-off budget
 */
public record Quota(long limit, QuotaRefill refill) {

    public Quota {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }
}
