package io.keygate.analytics.clientip.store;

import java.time.Instant;

/**
 * A client address a key was used from.
 *
 * @param clientIp  the address
 * @param firstSeen the first call from it (gateway receive time)
 * @param lastSeen  the last call from it so far
 * @param calls     calls from it so far
 */
public record KeyAddress(String clientIp, Instant firstSeen, Instant lastSeen, long calls) {}
