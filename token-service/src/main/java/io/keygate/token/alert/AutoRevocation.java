package io.keygate.token.alert;

import io.keygate.events.alert.AlertAction;
import io.keygate.events.alert.AlertRaised;
import io.keygate.events.alert.AlertSeverity;
import java.util.Set;

/** The rule: which alerts revoke a key. Pure. */
public final class AutoRevocation {

    private AutoRevocation() {}

    /** Whether the alert revokes its key: critical, suggesting revocation, about a key, of an opted-in tenant. */
    public static boolean revokes(AlertRaised alert, Set<String> autoRevokeTenants) {
        return suggestsRevocation(alert) && autoRevokeTenants.contains(alert.tenantId());
    }

    /** Whether the alert is one that revokes its key where the tenant allows it: critical, suggesting it, about a key. */
    public static boolean suggestsRevocation(AlertRaised alert) {
        return alert.severity() == AlertSeverity.CRITICAL
                && alert.suggestedAction() == AlertAction.REVOKE_KEY
                && alert.keyId() != null;
    }

    /** The revocation reason recorded for an alert: its kind and evidence (never a secret: alerts hold none). */
    public static String reasonOf(AlertRaised alert) {
        String reason = "analytics alert " + alert.kind() + ": " + alert.evidence();
        return reason.length() > 500 ? reason.substring(0, 500) : reason;
    }
}
