package io.keygate.audit.chain;

import java.util.UUID;

/**
 * The first place where a chain does not hold.
 *
 * @param sequence the position where it breaks
 * @param eventId  the entry found there, or null when it is missing
 * @param problem  what is wrong
 * @param detail   a sentence for people
 */
public record BrokenLink(long sequence, UUID eventId, Problem problem, String detail) {

    /** What can be wrong at a position. */
    public enum Problem {
        /** No entry at this position, though later ones exist or the chain head says there should be one. */
        ENTRY_MISSING,
        /** The entry's content no longer gives its stored hash: it was changed after it was written. */
        ENTRY_ALTERED,
        /** The entry's stored previous hash is not the hash of the entry before it. */
        LINK_BROKEN,
        /** A signed checkpoint names a different hash for this position, or its signature does not verify. */
        CHECKPOINT_MISMATCH
    }
}
