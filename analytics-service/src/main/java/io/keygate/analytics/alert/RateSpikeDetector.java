package io.keygate.analytics.alert;

import io.keygate.analytics.rollup.ConsumedCall;
import io.keygate.events.alert.AlertAction;
import io.keygate.events.alert.AlertKind;
import io.keygate.events.alert.AlertRaised;
import io.keygate.events.alert.AlertSeverity;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per key, counts calls in fixed intervals of gateway receive time and keeps an exponentially weighted mean and
 * variance of those counts (West's incremental EWMA). An interval reaching the critical threshold (mean + critical
 * sigmas x standard deviation, at least the minimum scaled by critical sigmas over sigmas) raises a critical alert
 * at once; one that closes above the
 * warning threshold raises a warning. Anomalous intervals are kept out of the baseline, and an incident lasts
 * while consecutive intervals stay anomalous, so a sustained spike raises one alert. Not thread-safe: one consumer
 * thread feeds it.
 */
public final class RateSpikeDetector {

    /** Empty intervals folded into the baseline after a silence at most: beyond that the mean is near zero anyway. */
    private static final int MAX_GAP_INTERVALS = 1_000;

    private final AlertRules rules;
    private final long intervalMillis;
    private final Map<TenantSubject, KeyRate> keys;

    public RateSpikeDetector(AlertRules rules) {
        this.rules = rules;
        this.intervalMillis = rules.spikeInterval().toMillis();
        this.keys = new BoundedMap<>(rules.maxTrackedSubjects());
    }

    /** Counts a call; returns the alert it raises, if any. */
    public List<AlertRaised> observe(ConsumedCall call) {
        if (call.keyId() == null || call.tenantId() == null) {
            return List.of();
        }
        long interval = Math.floorDiv(call.receivedAt().toEpochMilli(), intervalMillis);
        KeyRate rate =
                keys.computeIfAbsent(new TenantSubject(call.tenantId(), call.keyId()), k -> new KeyRate(interval));
        AlertRaised closing = rate.advanceTo(interval, call);
        rate.count++;
        if (closing != null) {
            return List.of(closing);
        }
        if (!rate.inIncident && rate.isWarm() && rate.count >= rate.threshold(rules.spikeCriticalSigmas())) {
            rate.inIncident = true;
            return List.of(alert(call, rate, rate.current, AlertSeverity.CRITICAL, call.receivedAt()));
        }
        return List.of();
    }

    private AlertRaised alert(ConsumedCall call, KeyRate rate, long interval, AlertSeverity severity, Instant at) {
        Instant start = Instant.ofEpochMilli(interval * intervalMillis);
        double threshold =
                rate.threshold(severity == AlertSeverity.CRITICAL ? rules.spikeCriticalSigmas() : rules.spikeSigmas());
        String evidence = String.format(
                Locale.ROOT,
                "%d calls in %d s from %s against a baseline of %.1f ± %.1f (threshold %.1f)",
                rate.count,
                rules.spikeInterval().toSeconds(),
                start,
                rate.mean,
                Math.sqrt(rate.variance),
                threshold);
        return new AlertRaised(
                AlertIds.of(AlertKind.REQUEST_RATE_SPIKE, call.tenantId(), call.keyId(), start),
                call.tenantId(),
                AlertKind.REQUEST_RATE_SPIKE,
                severity,
                severity == AlertSeverity.CRITICAL ? AlertAction.REVOKE_KEY : AlertAction.NONE,
                call.keyId(),
                null,
                start,
                at,
                rate.count,
                rate.mean,
                threshold,
                evidence);
    }

    /** One key's rate state. */
    private final class KeyRate {
        long current;
        long count;
        double mean;
        double variance;
        int intervalsSeen;
        boolean inIncident;

        KeyRate(long current) {
            this.current = current;
        }

        boolean isWarm() {
            return intervalsSeen >= rules.spikeWarmUpIntervals();
        }

        /** Mean + sigmas x deviation, and at least the minimum scaled alike (twice as high for twice the sigmas). */
        double threshold(double sigmas) {
            double floor = rules.spikeMinCalls() * sigmas / rules.spikeSigmas();
            return Math.max(floor, mean + sigmas * Math.sqrt(variance));
        }

        /** Closes the intervals before {@code interval}; returns a warning for the closed one, if it deserves one. */
        AlertRaised advanceTo(long interval, ConsumedCall call) {
            if (interval <= current) {
                return null; // a late call counts in the current interval
            }
            AlertRaised warning = null;
            boolean anomalous = isWarm() && count >= threshold(rules.spikeSigmas());
            if (anomalous && !inIncident) {
                warning = alert(call, this, current, AlertSeverity.WARNING, call.receivedAt());
            }
            if (anomalous) {
                inIncident = true;
            } else {
                inIncident = false;
                fold(count);
            }
            long gap = Math.min(interval - current - 1, MAX_GAP_INTERVALS);
            for (long i = 0; i < gap; i++) {
                fold(0);
            }
            if (gap > 0) {
                inIncident = false;
            }
            current = interval;
            count = 0;
            return warning;
        }

        private void fold(long value) {
            double alpha = rules.spikeAlpha();
            if (intervalsSeen == 0) {
                mean = value;
                variance = 0;
            } else {
                double diff = value - mean;
                double increment = alpha * diff;
                mean += increment;
                variance = (1 - alpha) * (variance + diff * increment);
            }
            intervalsSeen++;
        }
    }
}
