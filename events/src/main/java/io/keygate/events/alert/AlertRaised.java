package io.keygate.events.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * An anomaly analytics detected in the call stream. Type {@code io.keygate.alert.raised.v1}. One incident raises
 * exactly one alert: the event id is derived from the incident (kind, subject, first window), so a replay of the
 * same calls raises the same id again and consumers drop it as a duplicate. Keyed by alert id (each alert is its own aggregate).
 *
 * @param alertId         the incident's id (also the CloudEvents id), for links and as the cause of actions
 * @param tenantId        the tenant whose calls these were
 * @param kind            what was seen
 * @param severity        warning or critical
 * @param suggestedAction what would stop it; carried out only for critical alerts where the tenant allows it
 * @param keyId           the key concerned, or null (a burst from an address with no known key)
 * @param clientIp        the client address concerned, or null (a spike spread over addresses)
 * @param windowStart     start of the window the evidence covers (gateway receive time)
 * @param detectedAt      receive time of the call that crossed the threshold
 * @param observed        calls (or failures) counted in the window
 * @param baseline        what was expected: the EWMA mean for a spike, 0 for bursts and new addresses
 * @param threshold       the count the observation had to reach
 * @param evidence        one sentence for people: what was counted against what; never a secret
 */
public record AlertRaised(
        String alertId,
        String tenantId,
        AlertKind kind,
        AlertSeverity severity,
        AlertAction suggestedAction,
        String keyId,
        String clientIp,
        Instant windowStart,
        Instant detectedAt,
        long observed,
        double baseline,
        double threshold,
        String evidence)
        implements AlertEvent {

    public AlertRaised {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(suggestedAction, "suggestedAction");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(evidence, "evidence");
        if (keyId == null && clientIp == null) {
            throw new IllegalArgumentException("An alert concerns a key or a client address");
        }
    }

    @Override
    public String aggregateId() {
        return alertId;
    }
}
