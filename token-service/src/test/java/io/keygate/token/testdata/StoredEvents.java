package io.keygate.token.testdata;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;

/** What the event store holds for an aggregate, read straight from its table (not through the service). */
public final class StoredEvents {

    private StoredEvents() {}

    /** The CloudEvents types of an aggregate's stored events, oldest first. */
    public static List<String> typesOf(Pool pool, String aggregateId) {
        return pool
                .preparedQuery("SELECT event_type FROM event_store WHERE aggregate_id = $1 ORDER BY version")
                .execute(Tuple.of(aggregateId))
                .await()
                .atMost(Duration.ofSeconds(30))
                .stream()
                .map(row -> row.getString("event_type"))
                .toList();
    }

    /** Every row of {@code table} and every stored event payload, as one text to search (e.g. for a secret). */
    public static String textOf(Pool pool, String table) {
        StringBuilder all = new StringBuilder();
        for (String sql : List.of(
                "SELECT row_to_json(t)::text AS j FROM " + table + " t",
                "SELECT payload::text AS j FROM event_store")) {
            pool.query(sql)
                    .execute()
                    .await()
                    .atMost(Duration.ofSeconds(30))
                    .forEach(row -> all.append(row.getString("j")));
        }
        return all.toString();
    }
}
