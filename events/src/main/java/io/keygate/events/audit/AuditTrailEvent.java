package io.keygate.events.audit;

import io.keygate.events.KeygateEvent;

/** Events the audit service publishes about the trail itself, on {@code keygate.audit-checkpoints}. */
public sealed interface AuditTrailEvent extends KeygateEvent permits AuditCheckpointSigned {}
