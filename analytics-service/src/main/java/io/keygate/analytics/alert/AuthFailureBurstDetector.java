package io.keygate.analytics.alert;

import io.keygate.analytics.rollup.ConsumedCall;
import io.keygate.events.alert.AlertAction;
import io.keygate.events.alert.AlertKind;
import io.keygate.events.alert.AlertRaised;
import io.keygate.events.alert.AlertSeverity;
import io.keygate.events.call.CallOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bursts of authentication failures (status 401, or a valid key refused for its client address) per client address
 * (credential stuffing) and per key named (a leaked key probed or used from elsewhere), in a sliding window of
 * gateway receive time. The last {@code threshold} failure times of each subject are kept; a burst is when they all
 * fall within the window. The incident lasts until the subject has been quiet for a whole window, so a burst raises
 * one alert however long it goes on. Call records carry no prefix of an unknown presented key, so probing with
 * unknown keys is caught per address, not per prefix. Not thread-safe: one consumer thread feeds it.
 */
public final class AuthFailureBurstDetector {

    private final AlertRules rules;
    private final long windowMillis;
    private final Map<TenantSubject, Failures> byIp;
    private final Map<TenantSubject, Failures> byKey;

    public AuthFailureBurstDetector(AlertRules rules) {
        this.rules = rules;
        this.windowMillis = rules.burstWindow().toMillis();
        this.byIp = new BoundedMap<>(rules.maxTrackedSubjects());
        this.byKey = new BoundedMap<>(rules.maxTrackedSubjects());
    }

    /** Whether a call failed to authenticate. */
    public static boolean isAuthFailure(ConsumedCall call) {
        return call.status() == 401 || call.outcome() == CallOutcome.IP_NOT_ALLOWED;
    }

    /** Counts a call; returns the alerts it raises (none, or one per subject whose burst it completes). */
    public List<AlertRaised> observe(ConsumedCall call) {
        if (call.tenantId() == null || !isAuthFailure(call)) {
            return List.of();
        }
        List<AlertRaised> alerts = new ArrayList<>(0);
        if (call.clientIp() != null) {
            observe(byIp, AlertKind.AUTH_FAILURE_BURST_BY_IP, call.clientIp(), rules.burstPerIp(), call, alerts);
        }
        if (call.keyId() != null) {
            observe(byKey, AlertKind.AUTH_FAILURE_BURST_BY_KEY, call.keyId(), rules.burstPerKey(), call, alerts);
        }
        return alerts;
    }

    private void observe(
            Map<TenantSubject, Failures> subjects,
            AlertKind kind,
            String subject,
            int threshold,
            ConsumedCall call,
            List<AlertRaised> alerts) {
        long at = call.receivedAt().toEpochMilli();
        Failures failures =
                subjects.computeIfAbsent(new TenantSubject(call.tenantId(), subject), k -> new Failures(threshold));
        if (failures.inIncident && at - failures.last > windowMillis) {
            failures.inIncident = false;
        }
        failures.add(at);
        if (!failures.inIncident && failures.size == threshold && at - failures.oldest() <= windowMillis) {
            failures.inIncident = true;
            alerts.add(alert(kind, subject, threshold, failures.oldest(), call));
        }
    }

    private AlertRaised alert(AlertKind kind, String subject, int threshold, long oldest, ConsumedCall call) {
        Instant start = Instant.ofEpochMilli(oldest);
        boolean byIpKind = kind == AlertKind.AUTH_FAILURE_BURST_BY_IP;
        String evidence = String.format(
                Locale.ROOT,
                "%d authentication failures within %d s from %s %s (threshold %d in %d s)",
                threshold,
                Math.max(1, (call.receivedAt().toEpochMilli() - oldest + 999) / 1000),
                byIpKind ? "client address" : "key",
                subject,
                threshold,
                rules.burstWindow().toSeconds());
        return new AlertRaised(
                AlertIds.of(kind, call.tenantId(), subject, start),
                call.tenantId(),
                kind,
                AlertSeverity.CRITICAL,
                byIpKind ? AlertAction.BLOCK_IP : AlertAction.REVOKE_KEY,
                byIpKind ? null : subject,
                byIpKind ? subject : null,
                start,
                call.receivedAt(),
                threshold,
                0,
                threshold,
                evidence);
    }

    /** The last failure times of one subject, in a ring. */
    private static final class Failures {
        final long[] times;
        int next;
        int size;
        long last;
        boolean inIncident;

        Failures(int capacity) {
            times = new long[capacity];
        }

        void add(long at) {
            times[next] = at;
            next = (next + 1) % times.length;
            size = Math.min(size + 1, times.length);
            last = Math.max(last, at);
        }

        /** The earliest of the kept times (times may arrive slightly out of order). */
        long oldest() {
            long min = Long.MAX_VALUE;
            for (int i = 0; i < size; i++) {
                min = Math.min(min, times[i]);
            }
            return min;
        }
    }
}
