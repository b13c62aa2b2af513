package io.keygate.gateway.state;

import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.events.token.Quota;
import io.keygate.events.token.RateLimit;
import java.util.List;
import java.util.Objects;

/**
 * An API key's state reduced to what the gateway enforces: what a token event's {@link ApiKeyState} becomes before
 * it is kept as a {@link GatewayKey}. The state consumer reads it either from the full state or, for the bulk of a
 * cold start, straight from the event's bytes (see {@code io.keygate.gateway.state.decode.TokenEventDecoder}).
 *
 * @param keyId                       stable id of the key
 * @param tenantId                    owning tenant
 * @param applicationId               the application the key belongs to, or null
 * @param keyHash                     keyed hash of the current secret
 * @param previousKeyHash             keyed hash of the secret a rotation replaced, or null
 * @param status                      lifecycle state
 * @param expiresAtMicros             expiry in µs since the epoch ({@link GatewayKey#micros}), {@link Long#MAX_VALUE}
 *                                    for none
 * @param previousKeyValidUntilMicros end of the replaced secret's grace period, as {@code expiresAtMicros}
 * @param scopes                      granted scopes
 * @param ipAllowList                 allowed client networks as CIDR text; empty for any address
 * @param rateLimit                   the key's own rate limit, or null
 * @param quota                       the key's own quota, or null
 */
public record EnforcedKey(
        String keyId,
        String tenantId,
        String applicationId,
        String keyHash,
        String previousKeyHash,
        ApiKeyStatus status,
        long expiresAtMicros,
        long previousKeyValidUntilMicros,
        List<String> scopes,
        List<String> ipAllowList,
        RateLimit rateLimit,
        Quota quota) {

    public EnforcedKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(keyHash, "keyHash");
        Objects.requireNonNull(status, "status");
        scopes = List.copyOf(scopes);
        ipAllowList = List.copyOf(ipAllowList);
    }

    /** What the gateway enforces of a key's full state. */
    public static EnforcedKey of(ApiKeyState state) {
        return new EnforcedKey(
                state.keyId(),
                state.tenantId(),
                state.applicationId(),
                state.keyHash(),
                state.previousKeyHash(),
                state.status(),
                GatewayKey.micros(state.expiresAt()),
                GatewayKey.micros(state.previousKeyValidUntil()),
                state.scopes(),
                state.ipAllowList(),
                state.rateLimit(),
                state.quota());
    }
}
