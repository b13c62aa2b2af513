package io.keygate.gateway.ratelimit;

import java.util.List;

/**
 * A limiter's answer for one call: admitted or not, and where each of its limits stands afterwards (for the
 * {@code RateLimit} header).
 *
 * @param admitted          whether every limit had room (and was charged)
 * @param refusedBy         the first limit without room, or null when admitted
 * @param retryAfterMicros  when refused, how long until the call could be admitted; 0 if never (a lifetime quota)
 * @param remaining         per limit (same order as asked), the requests it still admits now
 * @param resetMicros       per limit, time until it is whole again (full bucket, or the window's end); 0 if never
 */
public record LimitDecision(
        boolean admitted,
        Limit refusedBy,
        long retryAfterMicros,
        List<Limit> limits,
        long[] remaining,
        long[] resetMicros) {

    /** The decision when a call is held to no limit. */
    public static final LimitDecision UNLIMITED = new LimitDecision(true, null, 0, List.of(), new long[0], new long[0]);
}
