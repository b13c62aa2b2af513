package io.keygate.analytics.report.rest;

import io.keygate.analytics.report.Consumer;
import java.time.Instant;
import java.util.List;

/**
 * The top consumers of a tenant as the API shows them.
 *
 * @param tenantId  the tenant
 * @param by        key or route
 * @param from      start of the window, inclusive
 * @param to        end of the window, exclusive
 * @param consumers most calls first
 */
public record TopView(String tenantId, String by, Instant from, Instant to, List<Consumer> consumers) {}
