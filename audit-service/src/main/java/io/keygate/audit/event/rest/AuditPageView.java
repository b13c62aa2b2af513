package io.keygate.audit.event.rest;

import java.util.List;

/**
 * A page of the trail.
 *
 * @param items      the items, oldest first
 * @param nextCursor pass as {@code after} to read the next page; null on the last page
 * @param <T>        audit entries or call records
 */
public record AuditPageView<T>(List<T> items, String nextCursor) {}
