package io.keygate.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Everything audit-service can be configured with, under {@code keygate.*}. Kafka connection settings
 * stay under Quarkus's {@code kafka.*} and the consumer under {@code mp.messaging.incoming.audit-events.*};
 * the database under {@code quarkus.datasource.*}.
 */
@ConfigMapping(prefix = "keygate")
public interface AuditConfig {

    /** Kafka topic settings. */
    Kafka kafka();

    /** How the audit trail is written. */
    Audit audit();

    /** Kafka topic settings. */
    interface Kafka {
        /** Replication factor of topics created at start when missing: 3 in production, 1 on a one-broker cluster. */
        @WithDefault("3")
        short replicationFactor();
    }

    /** How the audit trail is written. */
    interface Audit {
        /**
         * Attempts to write one batch before the channel gives up (and reports itself unhealthy, so the
         * service is restarted and the batch replayed). Writes are idempotent, so retrying is safe.
         */
        @WithDefault("5")
        int writeAttempts();

        /** First pause between write attempts; it doubles (with jitter) up to ten times this. */
        @WithDefault("PT0.2S")
        Duration writeBackoff();
    }
}
