package io.keygate.analytics.rollup.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code consumed_offset}: per partition of the calls topic, the next offset to count, read and moved in the
 * transaction of the window that counts the records below it.
 */
final class ConsumedOffsets {

    /**
     * Locks the partitions' rows (created at 0 if missing) and returns their watermarks. An upsert rather than
     * {@code SELECT … FOR UPDATE}: it locks a row that another instance inserts at the same moment too. Partitions in
     * ascending order, so two windows lock them in the same order.
     */
    private static final String LOCK = "INSERT INTO consumed_offset (topic, partition, next_offset)"
            + " SELECT $1, p, 0 FROM unnest($2::int[]) AS p ORDER BY p"
            + " ON CONFLICT (topic, partition) DO UPDATE SET next_offset = consumed_offset.next_offset"
            + " RETURNING partition, next_offset";

    /** Moves the watermarks forward only: a window read from older offsets (a replay) never moves one back. */
    private static final String ADVANCE = "UPDATE consumed_offset c SET next_offset = greatest(c.next_offset, n.o)"
            + " FROM unnest($2::int[], $3::bigint[]) AS n(p, o) WHERE c.topic = $1 AND c.partition = n.p";

    private ConsumedOffsets() {}

    /** The watermarks of {@code partitions}, locked until the transaction ends. */
    static Uni<Map<Integer, Long>> lock(SqlConnection tx, String topic, Map<Integer, Long> nextOffsets) {
        Integer[] partitions = nextOffsets.keySet().stream().sorted().toArray(Integer[]::new);
        return tx.preparedQuery(LOCK)
                .execute(Tuple.of(topic).addArrayOfInteger(partitions))
                .map(rows -> {
                    Map<Integer, Long> watermarks = new HashMap<>();
                    for (Row row : rows) {
                        watermarks.put(row.getInteger("partition"), row.getLong("next_offset"));
                    }
                    return watermarks;
                });
    }

    /** Moves each partition's watermark to the offset after the window's last record, if that is further. */
    static Uni<Void> advance(SqlConnection tx, String topic, Map<Integer, Long> nextOffsets) {
        Integer[] partitions = nextOffsets.keySet().toArray(Integer[]::new);
        Long[] offsets = new Long[partitions.length];
        for (int i = 0; i < partitions.length; i++) {
            offsets[i] = nextOffsets.get(partitions[i]);
        }
        return tx.preparedQuery(ADVANCE)
                .execute(Tuple.of(topic).addArrayOfInteger(partitions).addArrayOfLong(offsets))
                .replaceWithVoid();
    }
}
