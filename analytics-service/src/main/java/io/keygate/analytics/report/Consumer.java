package io.keygate.analytics.report;

/**
 * One of the top consumers of a tenant in a window: a key, a route or an application, with its exact counts.
 *
 * @param id        the key, route or application id; null for the calls without one
 * @param calls     requests
 * @param errors    requests answered with a status of 400 or more
 * @param errorRate errors over calls
 * @param bytesIn   request body bytes
 * @param bytesOut  response body bytes
 */
public record Consumer(String id, long calls, long errors, double errorRate, long bytesIn, long bytesOut) {}
