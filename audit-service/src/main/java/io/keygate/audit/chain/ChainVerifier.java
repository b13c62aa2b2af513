package io.keygate.audit.chain;

import io.keygate.audit.event.AuditEvent;
import java.util.Arrays;

/**
 * Walks a chain's entries in sequence order and finds the first broken link. Feed it entries with {@link
 * #accept}; it stops at the first problem ({@link #broken()} is then set and further entries are ignored).
 * Pure: the caller reads the entries and checkpoints.
 */
public final class ChainVerifier {

    private final ChainHasher hasher = new ChainHasher();
    private final String chain;
    private long expectedSequence;
    private byte[] previousHash;
    private long checked;
    private BrokenLink broken;

    /**
     * @param chain          the chain verified
     * @param fromSequence   the first position to check
     * @param trustedPrevious the hash the entry at {@code fromSequence} must follow: {@link ChainHasher#GENESIS} from
     *                       the start, otherwise null to take the first entry's stored previous hash on trust
     *                       (a range check; checkpoints then anchor it)
     */
    public ChainVerifier(String chain, long fromSequence, byte[] trustedPrevious) {
        this.chain = chain;
        this.expectedSequence = fromSequence;
        this.previousHash = trustedPrevious;
    }

    /**
     * Checks the next stored entry.
     *
     * @param event the entry as stored, with its {@link AuditEvent#link()}
     * @return false once the chain is broken
     */
    public boolean accept(AuditEvent event) {
        if (broken != null) {
            return false;
        }
        ChainLink link = event.link();
        if (link.sequence() != expectedSequence) {
            broken = new BrokenLink(
                    expectedSequence,
                    null,
                    BrokenLink.Problem.ENTRY_MISSING,
                    "entry " + expectedSequence + " is missing; the next stored entry is " + link.sequence());
            return false;
        }
        byte[] storedPrevious = ChainHasher.fromHex(link.previousHash());
        if (previousHash != null && !Arrays.equals(previousHash, storedPrevious)) {
            broken = new BrokenLink(
                    link.sequence(),
                    event.eventId(),
                    BrokenLink.Problem.LINK_BROKEN,
                    "its previous hash is not the hash of entry " + (link.sequence() - 1));
            return false;
        }
        byte[] computed = hasher.hash(storedPrevious, chain, link.sequence(), event);
        if (!Arrays.equals(computed, ChainHasher.fromHex(link.entryHash()))) {
            broken = new BrokenLink(
                    link.sequence(),
                    event.eventId(),
                    BrokenLink.Problem.ENTRY_ALTERED,
                    "its content does not give its stored hash: it was changed after it was written");
            return false;
        }
        previousHash = computed;
        expectedSequence++;
        checked++;
        return true;
    }

    /**
     * Checks a signed checkpoint against what was verified so far: call it once the entry at {@code sequence} was
     * accepted.
     *
     * @param sequence       the checkpoint's position
     * @param entryHash      the hash it names (lowercase hex)
     * @param signatureValid whether its signature verified under the named key
     */
    public boolean checkpoint(long sequence, String entryHash, boolean signatureValid) {
        if (broken != null) {
            return false;
        }
        if (sequence != expectedSequence - 1) {
            throw new IllegalStateException("checkpoint " + sequence + " checked out of order");
        }
        if (!signatureValid || !ChainHasher.hex(previousHash).equals(entryHash)) {
            broken = new BrokenLink(
                    sequence,
                    null,
                    BrokenLink.Problem.CHECKPOINT_MISMATCH,
                    signatureValid
                            ? "the signed checkpoint names another hash: the chain was rewritten up to here"
                            : "the checkpoint's signature does not verify");
            return false;
        }
        return true;
    }

    /**
     * Ends the walk: {@code headSequence} is where the chain's head says the chain ends (null when verifying a
     * range that stops before the head). Entries cut from the end are reported as missing.
     */
    public void finish(Long headSequence) {
        if (broken == null && headSequence != null && headSequence >= expectedSequence) {
            broken = new BrokenLink(
                    expectedSequence,
                    null,
                    BrokenLink.Problem.ENTRY_MISSING,
                    "the chain head is at " + headSequence + " but entry " + expectedSequence + " is missing");
        }
    }

    /** Entries verified so far. */
    public long checked() {
        return checked;
    }

    /** The first broken link, or null. */
    public BrokenLink broken() {
        return broken;
    }
}
