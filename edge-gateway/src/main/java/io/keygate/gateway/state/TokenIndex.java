package io.keygate.gateway.state;

import io.keygate.events.net.Cidr;
import io.keygate.events.token.ApiKeyState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys by keyed hash, as the token events last described them — revoked and expired keys
 * included, so the call record can say why a key was refused. A key in a rotation's grace period is
 * found under both its current and its previous secret's hash; {@link KeyVerdict} tells them apart.
 *
 * <p>One writer (the state consumer) applies events; request threads read without locks.
 */
public final class TokenIndex {

    private final Map<String, ApiKeyState> byHash = new ConcurrentHashMap<>();
    private final Map<String, AppliedKey> byKeyId = new ConcurrentHashMap<>();
    private final Map<String, List<Cidr>> allowListsByKeyId = new ConcurrentHashMap<>();

    private record AppliedKey(String keyHash, String previousKeyHash, long sequence) {}

    /**
     * Records a key's state at an aggregate sequence.
     *
     * @return false when the sequence is not newer than the one already applied for the key (a replay
     *         or an out-of-order duplicate), which leaves the index unchanged
     */
    public boolean apply(ApiKeyState key, long sequence) {
        AppliedKey previous = byKeyId.get(key.keyId());
        if (previous != null && sequence <= previous.sequence()) {
            return false;
        }
        byHash.put(key.keyHash(), key);
        if (key.previousKeyHash() != null) {
            byHash.put(key.previousKeyHash(), key);
        }
        if (previous != null) {
            dropIfGone(previous.keyHash(), key);
            dropIfGone(previous.previousKeyHash(), key);
        }
        byKeyId.put(key.keyId(), new AppliedKey(key.keyHash(), key.previousKeyHash(), sequence));
        if (key.ipAllowList() == null || key.ipAllowList().isEmpty()) {
            allowListsByKeyId.remove(key.keyId());
        } else {
            allowListsByKeyId.put(key.keyId(), parse(key.ipAllowList()));
        }
        return true;
    }

    /**
     * The networks a key may be used from, parsed once when its event was applied; null if it is not restricted.
     * An entry that does not parse is left out (never widening the list), so a list of only such entries allows
     * nothing.
     */
    public List<Cidr> allowedNetworks(ApiKeyState key) {
        return allowListsByKeyId.get(key.keyId());
    }

    private static List<Cidr> parse(List<String> networks) {
        List<Cidr> parsed = new ArrayList<>(networks.size());
        for (String network : networks) {
            try {
                parsed.add(Cidr.parse(network));
            } catch (IllegalArgumentException e) {
                // token-service validates allow-lists; an unreadable entry can only narrow the list, never open it.
            }
        }
        return List.copyOf(parsed);
    }

    /** The key with this keyed hash (current or, during a rotation's grace period, previous), or null. */
    public ApiKeyState find(String keyHash) {
        return byHash.get(keyHash);
    }

    /** Number of keys known, in any status. */
    public int size() {
        return byKeyId.size();
    }

    private void dropIfGone(String hash, ApiKeyState key) {
        if (hash != null && !hash.equals(key.keyHash()) && !hash.equals(key.previousKeyHash())) {
            byHash.remove(hash);
        }
    }
}
