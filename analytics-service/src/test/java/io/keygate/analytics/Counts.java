package io.keygate.analytics;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;

/** Counts read from the test database: the column {@code n} of a query's one row. */
public final class Counts {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Counts() {}

    public static long of(Pool pool, String sql, Tuple params) {
        return pool.preparedQuery(sql)
                .execute(params)
                .await()
                .atMost(TIMEOUT)
                .iterator()
                .next()
                .getLong("n");
    }
}
