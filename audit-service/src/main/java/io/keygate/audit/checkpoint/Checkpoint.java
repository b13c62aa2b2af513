package io.keygate.audit.checkpoint;

import io.keygate.events.audit.AuditCheckpointSigned;
import java.time.Instant;
import java.util.Base64;

/**
 * A stored checkpoint.
 *
 * @param chain     tenant id or {@code _platform}
 * @param sequence  the entry's position
 * @param entryHash its hash, lowercase hex
 * @param signedAt  when it was signed
 * @param keyId     the signing key
 * @param signature Ed25519 signature bytes
 * @param published whether Kafka acknowledged it on {@code keygate.audit-checkpoints}
 */
public record Checkpoint(
        String chain,
        long sequence,
        String entryHash,
        Instant signedAt,
        String keyId,
        byte[] signature,
        boolean published) {

    /** The checkpoint as it is published on {@code keygate.audit-checkpoints} and served by the API. */
    public AuditCheckpointSigned toEvent() {
        return new AuditCheckpointSigned(
                chain,
                sequence,
                entryHash,
                signedAt,
                keyId,
                Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
    }

    /** The text the signature covers. */
    public String signedText() {
        return AuditCheckpointSigned.signedText(chain, sequence, entryHash, signedAt);
    }
}
