package io.keygate.analytics.rollup;

import java.util.Map;
import java.util.TreeMap;

/**
 * How partial rows become one row per key, pure. Compaction takes (and deletes, in one transaction) the pending minute
 * rows of some keys and their compacted minute row if any; their merge is written back as one minute row, rolled up;
 * the rows not rolled up yet (the pending ones), and only those, are added to the hour and day rows of the same
 * dimensions. So every call is in the hour and day rows exactly once, also a late call for a minute compacted long
 * ago: its row arrives pending and is added on the next pass. Reads see the compacted rows of their granularity plus
 * the pending minute rows, in one snapshot, so they are exact before and after a pass.
 */
public final class RollupCompaction {

    private RollupCompaction() {}

    /**
     * What the minute rows of a pass become.
     *
     * @param minutes one merged row per minute key, rolled up
     * @param coarser per hour and day key, the calls to add to the stored hour and day rows
     */
    public record Minutes(Map<RollupKey, CallRollup> minutes, Map<RollupKey, CallRollup> coarser) {}

    /**
     * Merges the taken minute rows; the rows not rolled up yet are also summed into their hour and day. Each row is
     * merged as it is iterated and not kept, so {@code taken} may decode its rows one at a time (only the merged rows
     * stay in memory, not one histogram per row taken).
     */
    public static Minutes ofMinutes(Iterable<RollupRow> taken) {
        Map<RollupKey, CallRollup> minutes = new TreeMap<>();
        Map<RollupKey, CallRollup> coarser = new TreeMap<>();
        for (RollupRow row : taken) {
            if (row.key().granularity() != Granularity.MINUTE) {
                throw new IllegalArgumentException("Not a minute row: " + row.key());
            }
            if (!row.rolledUp()) {
                // Added before the minute merge below changes nothing in it: merge copies other's counts.
                coarser.computeIfAbsent(row.key().in(Granularity.HOUR), k -> CallRollup.empty())
                        .merge(row.rollup());
                coarser.computeIfAbsent(row.key().in(Granularity.DAY), k -> CallRollup.empty())
                        .merge(row.rollup());
            }
            minutes.computeIfAbsent(row.key(), k -> CallRollup.empty()).merge(row.rollup());
        }
        return new Minutes(minutes, coarser);
    }

    /** The stored hour and day rows (taken) with the pass's additions: one row per key. */
    public static Map<RollupKey, CallRollup> addTo(Iterable<RollupRow> stored, Map<RollupKey, CallRollup> additions) {
        Map<RollupKey, CallRollup> merged = new TreeMap<>();
        for (RollupRow row : stored) {
            merged.computeIfAbsent(row.key(), k -> CallRollup.empty()).merge(row.rollup());
        }
        additions.forEach((key, rollup) ->
                merged.computeIfAbsent(key, k -> CallRollup.empty()).merge(rollup));
        return merged;
    }
}
