package io.keygate.analytics.rollup;

import java.util.Objects;

/**
 * One stored rollup row. Several rows may share a key: a window appends its own minute rows without reading the
 * stored ones, and every reader merges the rows of a key (sums, maximum, histogram add: exact).
 *
 * @param key      its dimensions
 * @param rollup   the calls it counts
 * @param rolledUp for a minute row, whether its calls are counted in the hour and day rows yet (a pending row, written
 *                 by a window: not yet; a compacted row: yes); always true for hour and day rows
 */
public record RollupRow(RollupKey key, CallRollup rollup, boolean rolledUp) {

    public RollupRow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(rollup, "rollup");
    }
}
