package io.keygate.audit.chain;

import io.keygate.audit.event.AuditEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The audit chain's hash: {@code entryHash = SHA-256(previousHash || canonical(entry))}, where the first entry of a
 * chain has {@link #GENESIS} (32 zero bytes) as its previous hash. The canonical encoding is {@code "KGA1"} followed
 * by each field in a fixed order, each either {@code 0x00} (absent) or {@code 0x01}, its UTF-8 length as a 4-byte
 * big-endian integer, and its UTF-8 bytes: chain, chain sequence (decimal), event id, topic, type, subject, tenant
 * id, aggregate sequence (decimal), source, time (ISO-8601, microseconds), correlation id, causation id, actor,
 * action, target, outcome, client IP, data (the stored JSON text). Changing any field, the order, or the previous
 * hash changes the entry's hash, and so every later hash. Not thread-safe: one per thread.
 */
public final class ChainHasher {

    /** Length of a hash in bytes. */
    public static final int HASH_BYTES = 32;

    /** The previous hash of a chain's first entry. */
    public static final byte[] GENESIS = new byte[HASH_BYTES];

    private static final byte[] MAGIC = "KGA1".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest sha256;
    private final ByteBuffer length = ByteBuffer.allocate(4);

    public ChainHasher() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The hash of {@code event} as entry {@code sequence} of {@code chain}, following {@code previousHash}. */
    public byte[] hash(byte[] previousHash, String chain, long sequence, AuditEvent event) {
        if (previousHash.length != HASH_BYTES) {
            throw new IllegalArgumentException("previous hash must be " + HASH_BYTES + " bytes");
        }
        sha256.reset();
        sha256.update(previousHash);
        sha256.update(MAGIC);
        field(chain);
        field(Long.toString(sequence));
        field(event.eventId().toString());
        field(event.topic());
        field(event.type());
        field(event.subject());
        field(event.tenantId());
        field(event.sequence() == null ? null : event.sequence().toString());
        field(event.source());
        field(event.occurredAt().toString());
        field(event.correlationId());
        field(event.causationId());
        field(event.actor());
        field(event.action());
        field(event.target());
        field(event.outcome());
        field(event.clientIp());
        field(event.data());
        return sha256.digest();
    }

    /** Lowercase hex, as hashes appear in the API and in checkpoints. */
    public static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    /** The bytes of a lowercase or uppercase hex hash. */
    public static byte[] fromHex(String hex) {
        return HEX.parseHex(hex);
    }

    private void field(String value) {
        if (value == null) {
            sha256.update((byte) 0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha256.update((byte) 1);
        length.clear();
        length.putInt(bytes.length);
        sha256.update(length.array());
        sha256.update(bytes);
    }
}
