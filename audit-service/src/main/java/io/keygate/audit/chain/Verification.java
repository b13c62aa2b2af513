package io.keygate.audit.chain;

/**
 * The result of verifying a chain or a range of it.
 *
 * @param chain              the chain: a tenant id, or {@code _platform}
 * @param fromSequence       the first position checked
 * @param toSequence         the last position asked for (the head when verifying to the end)
 * @param entriesChecked     entries whose hash and link were recomputed and found right
 * @param checkpointsChecked signed checkpoints compared with the recomputed hashes
 * @param intact             whether everything checked holds
 * @param firstBrokenLink    where it first does not, or null
 */
public record Verification(
        String chain,
        long fromSequence,
        long toSequence,
        long entriesChecked,
        long checkpointsChecked,
        boolean intact,
        BrokenLink firstBrokenLink) {}
