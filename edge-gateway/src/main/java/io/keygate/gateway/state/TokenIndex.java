package io.keygate.gateway.state;

import io.keygate.events.net.Cidr;
import io.keygate.events.policy.CredentialKind;
import io.keygate.events.token.ApiKeyState;
import io.keygate.gateway.check.Caller;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys by keyed hash, as the token events last described them — revoked and expired keys
 * included, so the call record can say why a key was refused. A key in a rotation's grace period is
 * found under both its current and its previous secret's hash; {@link KeyVerdict} tells them apart.
 *
 * <p>Keys are kept as {@link GatewayKey}s, and the values many keys share (tenant ids, scope lists, rate limits,
 * quotas, allow-lists) once each, so heap per key stays a few hundred bytes.
 *
 * <p>One writer (the state consumer) applies events; request threads read without locks.
 */
public final class TokenIndex {

    private final Map<String, GatewayKey> byHash = new ConcurrentHashMap<>();
    private final Map<String, GatewayKey> byKeyId = new ConcurrentHashMap<>();
    /** Values shared by many keys, deduplicated; touched by the writer only. */
    private final Map<Object, Object> shared = new HashMap<>();

    /**
     * Records a key's state at an aggregate sequence.
     *
     * @return false when the sequence is not newer than the one already applied for the key (a replay
     *         or an out-of-order duplicate), which leaves the index unchanged
     */
    public boolean apply(ApiKeyState state, long sequence) {
        return apply(EnforcedKey.of(state), sequence);
    }

    /**
     * Records a key's state at an aggregate sequence, as {@link #apply(ApiKeyState, long)}, from what the gateway
     * enforces of it.
     */
    public boolean apply(EnforcedKey state, long sequence) {
        GatewayKey previous = byKeyId.get(state.keyId());
        if (previous != null && sequence <= previous.sequence()) {
            return false;
        }
        GatewayKey key = new GatewayKey(callerOf(state), state, sequence);
        byHash.put(key.keyHash(), key);
        if (key.previousKeyHash() != null) {
            byHash.put(key.previousKeyHash(), key);
        }
        if (previous != null) {
            dropIfGone(previous.keyHash(), key);
            dropIfGone(previous.previousKeyHash(), key);
        }
        byKeyId.put(key.keyId(), key);
        return true;
    }

    private Caller callerOf(EnforcedKey state) {
        return new Caller(
                CredentialKind.API_KEY,
                state.keyId(),
                share(state.tenantId()),
                state.applicationId(),
                share(state.scopes()),
                state.ipAllowList() == null || state.ipAllowList().isEmpty() ? null : share(parse(state.ipAllowList())),
                share(state.rateLimit()),
                share(state.quota()));
    }

    @SuppressWarnings("unchecked")
    private <T> T share(T value) {
        return value == null ? null : (T) shared.computeIfAbsent(value, v -> v);
    }

    /**
     * The networks of an allow-list, parsed once when its event is applied. An entry that does not parse is left
     * out (never widening the list), so a list of only such entries allows nothing.
     */
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
    public GatewayKey find(String keyHash) {
        return byHash.get(keyHash);
    }

    /** Number of keys known, in any status. */
    public int size() {
        return byKeyId.size();
    }

    private void dropIfGone(String hash, GatewayKey key) {
        if (hash != null && !hash.equals(key.keyHash()) && !hash.equals(key.previousKeyHash())) {
            byHash.remove(hash);
        }
    }
}
