package io.keygate.events.alert;

/** How bad an alert is. Only critical alerts may be acted on automatically, and only where the tenant allows it. */
public enum AlertSeverity {
    /** Worth a look; never acted on automatically. */
    WARNING,
    /** Likely abuse; acted on automatically when the tenant's policy says so. */
    CRITICAL
}
