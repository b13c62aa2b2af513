package io.keygate.audit.event;

import java.util.List;

/**
 * One page of the audit trail.
 *
 * @param events the events in order
 * @param next   where the next page starts, or null when this is the last page
 */
public record AuditPage(List<AuditEvent> events, PageCursor next) {

    public AuditPage {
        events = List.copyOf(events);
    }

    /**
     * The page from the rows of a query that asked for one row more than {@code limit}: that extra row
     * only tells that another page exists.
     */
    public static AuditPage of(List<AuditEvent> rows, int limit) {
        if (rows.size() <= limit) {
            return new AuditPage(rows, null);
        }
        List<AuditEvent> page = rows.subList(0, limit);
        return new AuditPage(page, PageCursor.after(page.get(limit - 1)));
    }
}
