package io.keygate.analytics.clientip;

import java.time.Instant;

/**
 * Calls of one client address in one hour (mutable while a batch is summed).
 */
public final class ClientIpCounts {

    long calls;
    long errors;
    long authFailures;
    Instant firstSeen;
    Instant lastSeen;

    public long calls() {
        return calls;
    }

    public long errors() {
        return errors;
    }

    /** Calls that failed to authenticate (401, or a key refused for its address). */
    public long authFailures() {
        return authFailures;
    }

    /** The earliest call's receive time. */
    public Instant firstSeen() {
        return firstSeen;
    }

    /** The latest call's receive time. */
    public Instant lastSeen() {
        return lastSeen;
    }
}
