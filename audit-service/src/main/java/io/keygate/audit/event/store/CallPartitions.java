package io.keygate.audit.event.store;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The day partitions of {@code call_record} ({@code call_record_pYYYYMMDD}, UTC days): created when the first
 * record of a day arrives, dropped whole by the retention job (dropping a partition is instant and leaves no
 * dead rows, unlike deleting).
 */
public final class CallPartitions {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'call_record_p'yyyyMMdd");

    private final Pool pool;
    private final Set<LocalDate> known = ConcurrentHashMap.newKeySet();

    CallPartitions(Pool pool) {
        this.pool = pool;
    }

    /** Creates the partitions of these days that do not exist yet. */
    public Uni<Void> ensure(Collection<LocalDate> days) {
        List<LocalDate> missing = days.stream().filter(d -> !known.contains(d)).toList();
        if (missing.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom()
                .iterable(missing)
                .onItem()
                .transformToUniAndConcatenate(
                        day -> pool.query(create(day)).execute().invoke(() -> known.add(day)))
                .collect()
                .last()
                .replaceWithVoid();
    }

    /** The days that have a partition, oldest first. */
    public Uni<List<LocalDate>> days() {
        return pool.query("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                        + " JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'call_record' ORDER BY c.relname")
                .execute()
                .map(rows -> {
                    List<LocalDate> days = new ArrayList<>();
                    rows.forEach(row -> days.add(LocalDate.parse(row.getString(0), NAME)));
                    return days;
                });
    }

    /** Drops the partitions of days before {@code oldestKept}; returns the days dropped. */
    public Uni<List<LocalDate>> dropBefore(LocalDate oldestKept) {
        return days().chain(days -> {
            List<LocalDate> old =
                    days.stream().filter(d -> d.isBefore(oldestKept)).toList();
            return Multi.createFrom()
                    .iterable(old)
                    .onItem()
                    .transformToUniAndConcatenate(day -> pool.query("DROP TABLE IF EXISTS " + NAME.format(day))
                            .execute()
                            .invoke(() -> known.remove(day)))
                    .collect()
                    .last()
                    .replaceWith(old);
        });
    }

    private static String create(LocalDate day) {
        // Names and bounds come from a LocalDate, never from input text.
        return "CREATE TABLE IF NOT EXISTS " + NAME.format(day) + " PARTITION OF call_record FOR VALUES FROM ('" + day
                + " 00:00:00+00') TO ('" + day.plusDays(1) + " 00:00:00+00')";
    }
}
