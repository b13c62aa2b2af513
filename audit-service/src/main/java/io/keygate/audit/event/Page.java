package io.keygate.audit.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * One page of the trail, in the stable order {@code (time, id)}.
 *
 * @param items the items in order
 * @param next  where the next page starts, or null when this is the last page
 * @param <T>   audit entries or call records
 */
public record Page<T>(List<T> items, PageCursor next) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page from the rows of a query that asked for one row more than {@code limit}: that extra row only tells
     * that another page exists.
     */
    public static <T> Page<T> of(List<T> rows, int limit, Function<T, Instant> time, Function<T, UUID> id) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> page = rows.subList(0, limit);
        T last = page.get(limit - 1);
        return new Page<>(page, new PageCursor(time.apply(last), id.apply(last)));
    }
}
