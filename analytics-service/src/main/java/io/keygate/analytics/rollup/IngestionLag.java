package io.keygate.analytics.rollup;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/**
 * How far counting is behind the gateways: the receive time of the newest call of the last window counted, and when
 * that window was counted.
 * While counting catches up with a backlog (after an outage, a deploy, a burst above one instance's rate), compaction
 * yields most of its time to it: reports are exact with pending rows, alerts are not until calls are counted, and
 * minutes compacted while their calls still arrive are only compacted again later. Thread-safe.
 */
@Singleton
public final class IngestionLag {

    /** The last window counted: its newest call's receive time, and when it committed. */
    private record Window(Instant newest, Instant at) {}

    private volatile Window last;

    /**
     * Records a committed window whose newest call was received at {@code newestReceived}. A window holds many polls
     * of every partition read, so its newest call is where the most advanced of them is; a later window of only older
     * calls (a partition taken over after a rebalance, with its backlog) means counting is behind again.
     */
    public void counted(Instant newestReceived, Instant at) {
        last = new Window(newestReceived, at);
    }

    /** The receive time of the newest call of the last window counted, or null before the first. */
    public Instant newestCounted() {
        Window window = last;
        return window == null ? null : window.newest();
    }

    /**
     * Whether counting is behind: calls were counted within {@code active} of {@code now} (calls are still flowing)
     * and the newest of them was received more than {@code lag} before {@code now}.
     */
    public boolean isBehind(Instant now, Duration lag, Duration active) {
        Window window = last;
        return window != null
                && !window.at().isBefore(now.minus(active))
                && window.newest().isBefore(now.minus(lag));
    }
}
