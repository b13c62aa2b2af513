package io.keygate.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

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

    /** Call records. */
    Calls calls();

    /** The retention job. */
    Retention retention();

    /** Signed checkpoints of the chains. */
    Checkpoints checkpoints();

    /** Call records. */
    interface Calls {
        /** How long call records are kept: day partitions older than this are dropped whole. */
        @WithDefault("P30D")
        Duration retention();
    }

    /** The retention job. */
    interface Retention {
        /** How often it runs. */
        @WithDefault("1h")
        String interval();
    }

    /** Signed checkpoints of the chains. */
    interface Checkpoints {
        /** How often each chain that grew gets a signed checkpoint. */
        @WithDefault("60s")
        String interval();

        /**
         * Ed25519 private key (PKCS#8 PEM) that signs checkpoints. When absent, a key is generated at start and kept
         * only in memory; its public key is stored, so its checkpoints stay verifiable after a restart.
         */
        Optional<Path> signingKeyFile();
    }

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

        /** How long audit entries are kept; verification then starts at the oldest kept entry. */
        @WithDefault("P2557D")
        Duration retention();
    }
}
