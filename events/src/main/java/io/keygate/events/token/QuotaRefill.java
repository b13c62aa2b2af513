package io.keygate.events.token;

/** How often a {@link Quota} is refilled to its limit (calendar periods, UTC). */
public enum QuotaRefill {
    DAY,
    MONTH
}
