package io.keygate.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.keygate.audit.event.AuditEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00.123456Z");

    @Test
    void anIntactChainVerifiesToItsHead() {
        List<AuditEvent> chain = chain(5);

        ChainVerifier verifier = verify(chain, 1, ChainHasher.GENESIS);
        verifier.finish(5L);

        assertThat(verifier.broken()).isNull();
        assertThat(verifier.checked()).isEqualTo(5);
    }

    @Test
    void everyFieldIsCoveredByTheHash() {
        AuditEvent entry = chain(1).get(0);
        ChainHasher hasher = new ChainHasher();
        byte[] original = hasher.hash(ChainHasher.GENESIS, "acme", 1, entry);
        List<AuditEvent> altered = List.of(
                copy(entry, "tenant", null),
                copy(entry, "actor", "user:mallory"),
                copy(entry, "outcome", "failure"),
                copy(entry, "data", "{\"reason\":\"other\"}"),
                copy(entry, "clientIp", "198.51.100.1"),
                copy(entry, "target", "key_2"));
        for (AuditEvent changed : altered) {
            assertThat(hasher.hash(ChainHasher.GENESIS, "acme", 1, changed)).isNotEqualTo(original);
        }
        assertThat(hasher.hash(ChainHasher.GENESIS, "acme", 2, entry)).isNotEqualTo(original);
        assertThat(hasher.hash(ChainHasher.GENESIS, "acme", 1, entry)).isEqualTo(original);
    }

    @Test
    void anAlteredEntryBreaksTheChainAtThatEntryAndNotBefore() {
        List<AuditEvent> chain = chain(5);
        AuditEvent third = chain.get(2);
        chain.set(2, copy(third, "data", "{\"reason\":\"nothing to see\"}"));

        ChainVerifier verifier = verify(chain, 1, ChainHasher.GENESIS);

        assertThat(verifier.broken().sequence()).isEqualTo(3);
        assertThat(verifier.broken().eventId()).isEqualTo(third.eventId());
        assertThat(verifier.broken().problem()).isEqualTo(BrokenLink.Problem.ENTRY_ALTERED);
        assertThat(verifier.checked()).isEqualTo(2);
    }

    @Test
    void aDeletedEntryIsReportedMissingAtItsPosition() {
        List<AuditEvent> chain = chain(5);
        chain.remove(3);

        ChainVerifier verifier = verify(chain, 1, ChainHasher.GENESIS);

        assertThat(verifier.broken().sequence()).isEqualTo(4);
        assertThat(verifier.broken().problem()).isEqualTo(BrokenLink.Problem.ENTRY_MISSING);
    }

    @Test
    void entriesCutFromTheEndAreMissingAgainstTheHead() {
        List<AuditEvent> chain = chain(5).subList(0, 3);

        ChainVerifier verifier = verify(chain, 1, ChainHasher.GENESIS);
        verifier.finish(5L);

        assertThat(verifier.broken().sequence()).isEqualTo(4);
        assertThat(verifier.broken().problem()).isEqualTo(BrokenLink.Problem.ENTRY_MISSING);
    }

    @Test
    void aRewrittenChainIsCaughtByTheSignedCheckpoint() {
        List<AuditEvent> honest = chain(4);
        String signedHash = honest.get(3).link().entryHash();
        // Whoever rewrites entry 2 and recomputes every later hash keeps the links consistent...
        List<AuditEvent> rewritten = new ArrayList<>(honest.subList(0, 1));
        ChainHasher hasher = new ChainHasher();
        byte[] previous = ChainHasher.fromHex(honest.get(0).link().entryHash());
        for (int i = 1; i < 4; i++) {
            AuditEvent e = i == 1 ? copy(honest.get(1), "data", "{\"reason\":\"rewritten\"}") : honest.get(i);
            byte[] hash = hasher.hash(previous, "acme", i + 1, e);
            rewritten.add(e.linked(new ChainLink("acme", i + 1, ChainHasher.hex(previous), ChainHasher.hex(hash))));
            previous = hash;
        }

        ChainVerifier verifier = verify(rewritten, 1, ChainHasher.GENESIS);
        assertThat(verifier.broken()).isNull();
        // ...but not the checkpoint signed before the rewrite.
        assertThat(verifier.checkpoint(4, signedHash, true)).isFalse();
        assertThat(verifier.broken().problem()).isEqualTo(BrokenLink.Problem.CHECKPOINT_MISMATCH);
        assertThat(verifier.broken().sequence()).isEqualTo(4);
    }

    @Test
    void aRangeStartsFromItsFirstStoredLinkAndStillChecksTheRest() {
        List<AuditEvent> chain = chain(6);

        ChainVerifier verifier = verify(chain.subList(3, 6), 4, null);

        assertThat(verifier.broken()).isNull();
        assertThat(verifier.checked()).isEqualTo(3);
    }

    private static ChainVerifier verify(List<AuditEvent> entries, long from, byte[] trusted) {
        ChainVerifier verifier = new ChainVerifier("acme", from, trusted);
        for (AuditEvent e : entries) {
            if (!verifier.accept(e)) {
                break;
            }
        }
        return verifier;
    }

    /** A chain of n linked entries of tenant acme. */
    static List<AuditEvent> chain(int n) {
        ChainHasher hasher = new ChainHasher();
        List<AuditEvent> chain = new ArrayList<>();
        byte[] previous = ChainHasher.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditEvent e = entry(i);
            byte[] hash = hasher.hash(previous, "acme", i, e);
            chain.add(e.linked(new ChainLink("acme", i, ChainHasher.hex(previous), ChainHasher.hex(hash))));
            previous = hash;
        }
        return chain;
    }

    private static AuditEvent entry(int i) {
        return new AuditEvent(
                UUID.nameUUIDFromBytes(("e" + i).getBytes()),
                "keygate.tokens",
                "io.keygate.apikey.revoked.v1",
                "key_" + i,
                "acme",
                (long) i,
                "/token-service",
                T0.plusSeconds(i),
                "c-" + i,
                null,
                "user:u_1",
                "apikey.revoked",
                "key_" + i,
                "success",
                "203.0.113.7",
                "{\"reason\":\"leaked\"}",
                null,
                null);
    }

    private static AuditEvent copy(AuditEvent e, String field, String value) {
        return new AuditEvent(
                e.eventId(),
                e.topic(),
                e.type(),
                e.subject(),
                field.equals("tenant") ? value : e.tenantId(),
                e.sequence(),
                e.source(),
                e.occurredAt(),
                e.correlationId(),
                e.causationId(),
                field.equals("actor") ? value : e.actor(),
                e.action(),
                field.equals("target") ? value : e.target(),
                field.equals("outcome") ? value : e.outcome(),
                field.equals("clientIp") ? value : e.clientIp(),
                field.equals("data") ? value : e.data(),
                e.link(),
                e.recordedAt());
    }
}
