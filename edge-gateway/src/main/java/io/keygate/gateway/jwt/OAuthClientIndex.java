package io.keygate.gateway.jwt;

import io.keygate.events.oauth.OAuthClientState;
import io.keygate.events.oauth.OAuthClientStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OAuth2 clients' statuses as their events last described them, so the tokens of a revoked client are refused
 * from the moment its revocation is applied, whatever their {@code exp}. A client the gateway never heard of is not
 * refused: its registration may simply not be applied yet, and its tokens are verified by signature regardless.
 *
 * <p>One writer (the state consumer) applies events; request threads read without locks.
 */
public final class OAuthClientIndex {

    private final Map<String, AppliedClient> byClientId = new ConcurrentHashMap<>();

    private record AppliedClient(OAuthClientStatus status, long sequence) {}

    /**
     * Records a client's state at an aggregate sequence.
     *
     * @return false when the sequence is not newer than the one already applied (a replay or a duplicate)
     */
    public boolean apply(OAuthClientState client, long sequence) {
        AppliedClient previous = byClientId.get(client.clientId());
        if (previous != null && sequence <= previous.sequence()) {
            return false;
        }
        byClientId.put(client.clientId(), new AppliedClient(client.status(), sequence));
        return true;
    }

    /** Whether the client was revoked. */
    public boolean isRevoked(String clientId) {
        AppliedClient client = byClientId.get(clientId);
        return client != null && client.status() == OAuthClientStatus.REVOKED;
    }

    /** Number of clients known, in any status. */
    public int size() {
        return byClientId.size();
    }
}
