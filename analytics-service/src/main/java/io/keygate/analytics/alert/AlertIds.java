package io.keygate.analytics.alert;

import io.keygate.events.alert.AlertKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Alert ids derived from the incident, so detecting the same incident again (a replay after a restart, a second
 * delivery) gives the same id and the alert is stored and published once.
 */
final class AlertIds {

    private AlertIds() {}

    static String of(AlertKind kind, String tenantId, String subject, Instant incidentStart) {
        String name = kind + "\n" + tenantId + "\n" + subject + "\n" + incidentStart.toEpochMilli();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
