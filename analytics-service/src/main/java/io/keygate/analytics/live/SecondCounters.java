package io.keygate.analytics.live;

import java.time.Instant;

/**
 * The calls of a tenant received (by the gateway) in one second.
 *
 * @param second   start of the second, UTC
 * @param calls    requests
 * @param errors   requests answered with a status of 400 or more
 * @param bytesIn  request body bytes
 * @param bytesOut response body bytes
 */
public record SecondCounters(Instant second, long calls, long errors, long bytesIn, long bytesOut) {

    SecondCounters plus(long calls, long errors, long bytesIn, long bytesOut) {
        return new SecondCounters(
                second, this.calls + calls, this.errors + errors, this.bytesIn + bytesIn, this.bytesOut + bytesOut);
    }
}
