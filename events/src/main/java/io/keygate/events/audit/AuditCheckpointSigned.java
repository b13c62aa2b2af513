package io.keygate.events.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed checkpoint of one tenant's audit chain: the hash of its entry number {@code sequence}, signed by the
 * audit service. Type {@code io.keygate.audit.checkpoint-signed.v1} on {@code keygate.audit-checkpoints}. Whoever
 * keeps these can later prove that the trail up to that entry was not rewritten: recomputing the chain must give
 * the same hash. The signature is Ed25519 over the UTF-8 bytes of {@link #signedText()}.
 *
 * @param chain     the tenant id, or {@code _platform} for events that belong to no tenant
 * @param sequence  the entry's position in the chain (1 for the first entry)
 * @param entryHash the entry's hash, lowercase hex SHA-256
 * @param signedAt  when the checkpoint was signed
 * @param keyId     the signing key's id; its public key is served by the audit service
 *                  ({@code /audit/checkpoint-keys}, a JWK set)
 * @param signature the Ed25519 signature, base64url without padding
 */
public record AuditCheckpointSigned(
        String chain, long sequence, String entryHash, Instant signedAt, String keyId, String signature)
        implements AuditTrailEvent {

    /** The chain of events that carry no tenant. */
    public static final String PLATFORM_CHAIN = "_platform";

    public AuditCheckpointSigned {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(entryHash, "entryHash");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signature, "signature");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be positive");
        }
    }

    /**
     * What is signed: {@code keygate-audit-checkpoint/v1}, chain, sequence, entry hash and the signing time
     * (ISO-8601), one per line, joined by {@code \n}.
     */
    public String signedText() {
        return signedText(chain, sequence, entryHash, signedAt);
    }

    /** The text signed for a checkpoint with these values (see {@link #signedText()}). */
    public static String signedText(String chain, long sequence, String entryHash, Instant signedAt) {
        return "keygate-audit-checkpoint/v1\n" + chain + "\n" + sequence + "\n" + entryHash + "\n" + signedAt;
    }

    @Override
    public String aggregateId() {
        return chain + "/" + sequence;
    }

    @Override
    public String tenantId() {
        return PLATFORM_CHAIN.equals(chain) ? null : chain;
    }
}
