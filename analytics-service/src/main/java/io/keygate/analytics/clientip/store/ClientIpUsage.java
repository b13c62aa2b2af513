package io.keygate.analytics.clientip.store;

/**
 * Calls from one client address in a window.
 *
 * @param clientIp     the address
 * @param calls        requests
 * @param errors       requests answered with a status of 400 or more
 * @param authFailures requests that failed to authenticate (401, or a key refused for its address)
 */
public record ClientIpUsage(String clientIp, long calls, long errors, long authFailures) {}
