package io.keygate.eventstore;

import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;

/** What the outbox holds, for tests that wait for the relay. */
final class OutboxRows {

    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(20);

    private OutboxRows() {}

    /** Rows in {@code event_outbox}: events stored and not yet published. */
    static long count(Pool pool) {
        return pool.query("SELECT count(*) AS n FROM event_outbox")
                .execute()
                .await()
                .atMost(QUERY_TIMEOUT)
                .iterator()
                .next()
                .getLong("n");
    }
}
