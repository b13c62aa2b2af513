package io.keygate.audit.event;

import java.util.UUID;

/** No stored event has this id. */
public class AuditEventNotFoundException extends RuntimeException {

    public AuditEventNotFoundException(UUID eventId) {
        super("No audit event " + eventId, null, false, false);
    }
}
