package io.keygate.bench;

/**
 * One run of the rate-limit accuracy benchmark: every gateway loaded at once, far above the limit, for one phase.
 *
 * @param offered        requests answered by the gateways (admitted or refused), from wrk
 * @param admitted       requests that reached the upstream during the run (its own count)
 * @param admittedByWrk  2xx answers wrk saw, a cross-check of {@code admitted}
 * @param refused        429 (and any other status of 400 or more) wrk saw
 * @param windowSeconds  the longest of the wrk runs, seconds
 * @param allowed        what the limit allows in that window from a full bucket: L × window + capacity
 * @param decidedLocally calls the gateways decided locally because Redis did not answer in time (the fallback, not
 *                       the mode measured: they may overshoot)
 */
record AccuracyRun(
        long offered,
        long admitted,
        long admittedByWrk,
        long refused,
        double windowSeconds,
        double allowed,
        long decidedLocally) {

    /** The run of {@code windowSeconds} under a limit of {@code limit}/s whose bucket holds {@code capacity}. */
    static AccuracyRun of(
            long offered,
            long admitted,
            long admittedByWrk,
            long refused,
            double windowSeconds,
            long limit,
            long capacity,
            long decidedLocally) {
        return new AccuracyRun(
                offered,
                admitted,
                admittedByWrk,
                refused,
                windowSeconds,
                limit * windowSeconds + capacity,
                decidedLocally);
    }

    /** admitted / allowed: 1.0 is exact, above is overshoot, below undershoot. */
    double ratio() {
        return admitted / allowed;
    }

    /** Offered load as a multiple of the limit's rate. */
    double overload(long limit) {
        return offered / windowSeconds / limit;
    }
}
