package io.keygate.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Everything analytics-service can be configured with, under {@code keygate.*}. Kafka connection settings
 * stay under Quarkus's {@code kafka.*} and the consumer under {@code mp.messaging.incoming.calls.*}; the
 * database under {@code quarkus.datasource.*}.
 */
@ConfigMapping(prefix = "keygate")
public interface AnalyticsConfig {

    /** Kafka topic settings. */
    Kafka kafka();

    /** How call records are counted. */
    Analytics analytics();

    /** Usage reports. */
    Reports reports();

    /** Anomaly detection. */
    Alerts alerts();

    /** The live stream. */
    Live live();

    /** The live stream of per-second counters. */
    interface Live {
        /** Seconds each event of the stream covers (by gateway receive time), up to now. */
        @WithDefault("PT60S")
        Duration horizon();
    }

    /** Kafka topic settings. */
    interface Kafka {
        /** Replication factor of topics created at start when missing: 3 in production, 1 on a one-broker cluster. */
        @WithDefault("3")
        short replicationFactor();
    }

    /** How call records are counted. */
    interface Analytics {
        /**
         * Attempts to write one batch before the channel gives up (and reports itself unhealthy, so the
         * service is restarted and the batch replayed). Counting is idempotent, so retrying is safe.
         */
        @WithDefault("5")
        int writeAttempts();

        /** First pause between write attempts; it doubles (with jitter) up to ten times this. */
        @WithDefault("PT0.2S")
        Duration writeBackoff();

        /**
         * Longest time counted calls wait in memory before their transaction: calls of many poll batches are
         * counted in one transaction (rows shared by the batches are written once), and the batches are
         * acknowledged after it committed.
         */
        @WithDefault("PT1S")
        Duration flushInterval();

        /**
         * Records that start a transaction before the interval is over; while one transaction runs, at most this
         * many more records are taken in (then the channel waits), which bounds the memory of unwritten calls. Writing
         * a window holds a latency histogram per distinct minute row it appends, so this is sized to the heap.
         */
        @WithDefault("20000")
        int flushMaxRecords();

        /** How the partial rows windows append are merged in the background. */
        Compaction compaction();
    }

    /**
     * Background compaction: the minute rows windows append to {@code call_rollup_pending} are merged into one
     * {@code call_rollup} row per key, and added to the hour and day rows. Reports are exact whether or not it ran; it keeps reads cheap.
     */
    interface Compaction {
        /** Whether this instance compacts at all (one instance at a time does, whichever runs a pass first). */
        @WithDefault("true")
        boolean enabled();

        /** Time between passes (a pass runs until nothing is left to compact). */
        @WithDefault("PT1M")
        Duration interval();

        /**
         * How long after its end a minute is compacted: calls of the last minutes still arrive, and compacting a minute
         * that still receives calls only means compacting it again later.
         */
        @WithDefault("PT2M")
        Duration closedAfter();

        /**
         * Minutes of API keys (one key's pending rows of one minute) one pass's transaction takes at most, and client
         * addresses: bounds its memory and the event loop's time in it.
         */
        @WithDefault("2000")
        int maxKeys();

        /**
         * Share of each interval compaction may take while counting is behind (the newest call counted is older than
         * {@link #closedAfter()}): the next pass goes on where the last one stopped. Caught up, it takes what it needs.
         */
        @WithDefault("0.25")
        double budgetWhileBehind();
    }

    /** Usage reports. */
    interface Reports {
        /** Window of a report when the caller gives no {@code from}: this long before {@code to}. */
        @WithDefault("PT1H")
        Duration defaultRange();

        /** Longest window a report may span. */
        @WithDefault("P31D")
        Duration maxRange();
    }

    /** Anomaly detection: thresholds of the detectors (see {@code AlertRules}). */
    interface Alerts {
        /** Whether calls are checked for anomalies at all. */
        @WithDefault("true")
        boolean enabled();

        /** Request-rate spikes per key. */
        Spike spike();

        /** Authentication-failure bursts. */
        Burst burst();

        /** Keys used from addresses they never used. */
        NewIp newIp();

        /** Keys or addresses each detector remembers; the least recently seen are forgotten first. */
        @WithDefault("100000")
        int maxTrackedSubjects();
    }

    /** Request-rate spikes per key, against an EWMA baseline of calls per interval. */
    interface Spike {
        /** Length of the intervals calls are counted in. */
        @WithDefault("PT10S")
        Duration interval();

        /** EWMA weight of the newest interval. */
        @WithDefault("0.3")
        double alpha();

        /** Intervals a key must have been seen for before its baseline is trusted. */
        @WithDefault("6")
        int warmUpIntervals();

        /** Standard deviations above the mean for a warning. */
        @WithDefault("4")
        double sigmas();

        /** Standard deviations above the mean for a critical alert. */
        @WithDefault("8")
        double criticalSigmas();

        /** Fewest calls in an interval for a warning (critical: scaled by critical-sigmas / sigmas). */
        @WithDefault("20")
        int minCalls();
    }

    /** Authentication-failure bursts. */
    interface Burst {
        /** Window failures are counted in. */
        @WithDefault("PT60S")
        Duration window();

        /** Failures from one client address within the window for a burst. */
        @WithDefault("20")
        int perIp();

        /** Failures naming one key within the window for a burst. */
        @WithDefault("10")
        int perKey();
    }

    /** Keys used from client addresses they never used before. */
    interface NewIp {
        /** How long from a key's first call its addresses are learned rather than alerted on. */
        @WithDefault("P1D")
        Duration learning();

        /** A key that used more addresses than this while learning is not watched (too many callers). */
        @WithDefault("20")
        int maxAddresses();
    }
}
