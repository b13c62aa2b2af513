package io.keygate.events.testing;

import io.keygate.events.EventEnvelope;
import io.keygate.events.alert.AlertAction;
import io.keygate.events.alert.AlertKind;
import io.keygate.events.alert.AlertRaised;
import io.keygate.events.alert.AlertSeverity;
import java.time.Instant;
import java.util.UUID;

/**
 * Test fixture shared through the events test-jar: an analytics alert as the analytics-service publishes it (the
 * envelope's id is the alert's id), for the services that act on alerts.
 */
public final class TestAlerts {

    private TestAlerts() {}

    /**
     * An alert raised just now about a key or a client address (one of them may be null), with made-up evidence.
     */
    public static EventEnvelope<AlertRaised> raised(
            String tenant, AlertKind kind, AlertSeverity severity, AlertAction action, String keyId, String clientIp) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        return new EventEnvelope<>(
                UUID.fromString(id),
                "/analytics-service",
                1,
                now,
                null,
                null,
                new AlertRaised(
                        id,
                        tenant,
                        kind,
                        severity,
                        action,
                        keyId,
                        clientIp,
                        now.minusSeconds(10),
                        now,
                        900,
                        5,
                        40,
                        "900 calls in 10 s against a baseline of 5.0"));
    }
}
