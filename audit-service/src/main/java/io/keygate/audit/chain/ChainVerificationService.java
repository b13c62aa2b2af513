package io.keygate.audit.chain;

import io.keygate.audit.checkpoint.Checkpoint;
import io.keygate.audit.checkpoint.CheckpointService;
import io.keygate.audit.event.AuditEvent;
import io.keygate.audit.event.store.TrailReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Verifies a chain from the database, a page of entries at a time (memory flat however long the chain): each
 * entry's hash is recomputed from its content and the previous hash, each link compared, each signed checkpoint in
 * the range checked against the recomputed hash and its signature.
 */
@ApplicationScoped
public class ChainVerificationService {

    static final int PAGE = 1000;

    private final TrailReader reader;
    private final CheckpointService checkpoints;
    private final MeterRegistry metrics;

    ChainVerificationService(TrailReader reader, CheckpointService checkpoints, MeterRegistry metrics) {
        this.reader = reader;
        this.checkpoints = checkpoints;
        this.metrics = metrics;
    }

    /**
     * Verifies {@code chain} from {@code from} to {@code to} (both optional: the oldest kept entry and the head).
     *
     * @return null when the chain has no entry
     */
    public Uni<Verification> verify(String chain, Long from, Long to) {
        return reader.head(chain)
                .chain(head -> reader.first(chain).chain(first -> {
                    if (head == null || first == null) {
                        return Uni.createFrom().nullItem();
                    }
                    long start = from != null ? from : first;
                    long end = to != null ? Math.min(to, head) : head;
                    // From the chain's start the first link must follow genesis; otherwise its stored link is taken as
                    // given
                    // and the checkpoints inside the range anchor it.
                    ChainVerifier verifier = new ChainVerifier(chain, start, start == 1 ? ChainHasher.GENESIS : null);
                    return checkpoints.checkpoints(chain, start, end).chain(list -> {
                        Deque<Checkpoint> pending = new ArrayDeque<>(list);
                        long[] checkpointsChecked = {0};
                        return walk(chain, verifier, start, end, pending, checkpointsChecked)
                                .map(ignored -> {
                                    verifier.finish(to == null || to >= head ? head : end);
                                    boolean intact = verifier.broken() == null;
                                    metrics.counter(
                                                    "keygate.audit.chain.verifications",
                                                    "intact",
                                                    Boolean.toString(intact))
                                            .increment();
                                    return new Verification(
                                            chain,
                                            start,
                                            end,
                                            verifier.checked(),
                                            checkpointsChecked[0],
                                            intact,
                                            verifier.broken());
                                });
                    });
                }));
    }

    private Uni<Void> walk(
            String chain, ChainVerifier verifier, long next, long end, Deque<Checkpoint> pending, long[] checked) {
        if (next > end || verifier.broken() != null) {
            return Uni.createFrom().voidItem();
        }
        return reader.chain(chain, next, end, PAGE).chain(entries -> {
            if (entries.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return acceptAll(verifier, entries, 0, pending, checked).chain(() -> {
                long last = entries.get(entries.size() - 1).link().sequence();
                if (verifier.broken() != null || entries.size() < PAGE) {
                    return Uni.createFrom().voidItem();
                }
                return walk(chain, verifier, last + 1, end, pending, checked);
            });
        });
    }

    /** Accepts entries in order; after each, checks the checkpoint at its position, if any. */
    private Uni<Void> acceptAll(
            ChainVerifier verifier, List<AuditEvent> entries, int index, Deque<Checkpoint> pending, long[] checked) {
        for (int i = index; i < entries.size(); i++) {
            AuditEvent entry = entries.get(i);
            if (!verifier.accept(entry)) {
                return Uni.createFrom().voidItem();
            }
            long position = entry.link().sequence();
            while (!pending.isEmpty() && pending.peekFirst().sequence() < position) {
                pending.removeFirst(); // its entry was checked before this range or is missing (reported)
            }
            if (!pending.isEmpty() && pending.peekFirst().sequence() == position) {
                Checkpoint checkpoint = pending.removeFirst();
                int resume = i + 1;
                return checkpoints.signatureValid(checkpoint).chain(valid -> {
                    checked[0]++;
                    if (!verifier.checkpoint(position, checkpoint.entryHash(), valid)) {
                        return Uni.createFrom().voidItem();
                    }
                    return acceptAll(verifier, entries, resume, pending, checked);
                });
            }
        }
        return Uni.createFrom().voidItem();
    }
}
