package io.keygate.audit.event.store;

/**
 * What one batch added to the trail.
 *
 * @param entriesStored      new audit entries
 * @param entriesDuplicate   audit entries already stored (a replay)
 * @param callsStored        new call records
 * @param callsDuplicate     call records already stored
 * @param callsPastRetention call records older than the retention period, not stored
 * @param deadLetters        records kept raw as dead letters (new ones)
 */
public record WriteResult(
        int entriesStored,
        int entriesDuplicate,
        int callsStored,
        int callsDuplicate,
        int callsPastRetention,
        int deadLetters) {}
