package io.keygate.analytics.alert;

import java.time.Duration;

/**
 * The thresholds anomaly detection runs with (from {@code keygate.alerts.*}).
 *
 * @param spikeInterval         length of the intervals a key's request rate is counted in
 * @param spikeAlpha            EWMA weight of the newest interval (0 to 1)
 * @param spikeWarmUpIntervals  intervals a key must have been seen for before its baseline is trusted
 * @param spikeSigmas           standard deviations above the mean for a warning (raised when the interval closes)
 * @param spikeCriticalSigmas   standard deviations above the mean for a critical alert (raised at once)
 * @param spikeMinCalls         no warning below this many calls in an interval, however quiet the key was (the
 *                              critical floor is this times critical sigmas over sigmas)
 * @param burstWindow           window authentication failures are counted in
 * @param burstPerIp            failures from one client address within the window for a burst
 * @param burstPerKey           failures naming one key within the window for a burst
 * @param newIpLearning         how long from a key's first call its addresses are learned, not alerted on
 * @param newIpMaxAddresses     a key that used more addresses while learning is not watched for new ones
 * @param maxTrackedSubjects    keys or addresses each detector remembers (least recently seen forgotten first)
 */
public record AlertRules(
        Duration spikeInterval,
        double spikeAlpha,
        int spikeWarmUpIntervals,
        double spikeSigmas,
        double spikeCriticalSigmas,
        int spikeMinCalls,
        Duration burstWindow,
        int burstPerIp,
        int burstPerKey,
        Duration newIpLearning,
        int newIpMaxAddresses,
        int maxTrackedSubjects) {

    public AlertRules {
        if (spikeAlpha <= 0 || spikeAlpha > 1) {
            throw new IllegalArgumentException("spike alpha must be in (0, 1]");
        }
        if (spikeCriticalSigmas < spikeSigmas) {
            throw new IllegalArgumentException("critical sigmas must not be below sigmas");
        }
        if (burstPerIp < 2 || burstPerKey < 2 || spikeMinCalls < 1 || maxTrackedSubjects < 1) {
            throw new IllegalArgumentException("burst thresholds must be at least 2, other counts at least 1");
        }
    }
}
