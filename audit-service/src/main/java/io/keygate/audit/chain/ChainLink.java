package io.keygate.audit.chain;

/**
 * Where an entry sits in its tenant's chain.
 *
 * @param chain        the tenant id, or {@code _platform} for events of no tenant
 * @param sequence     the entry's position, 1 for the first
 * @param previousHash the hash of entry {@code sequence - 1} (32 zero bytes for the first), lowercase hex
 * @param entryHash    this entry's hash, lowercase hex
 */
public record ChainLink(String chain, long sequence, String previousHash, String entryHash) {}
