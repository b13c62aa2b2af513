package io.keygate.audit.event.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keygate.audit.event.AuditPage;
import java.util.List;

/**
 * A page of the audit trail.
 *
 * @param items      the events, oldest first
 * @param nextCursor pass as {@code after} to read the next page; null on the last page
 */
public record AuditPageView(List<AuditEventView> items, String nextCursor) {

    static AuditPageView of(AuditPage page, ObjectMapper json) {
        return new AuditPageView(
                page.events().stream().map(e -> AuditEventView.of(e, json)).toList(),
                page.next() == null ? null : page.next().encode());
    }
}
