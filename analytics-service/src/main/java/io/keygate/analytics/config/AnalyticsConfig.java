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
}
