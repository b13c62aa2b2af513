package io.keygate.gateway.state;

import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import java.time.Instant;

/** Whether a presented key may be used, and if not, the precise reason (for the call record only). */
public enum KeyVerdict {
    USABLE,
    UNKNOWN,
    REVOKED,
    EXPIRED;

    /** The verdict on {@code key} (null when no key matched) presented with its current secret at {@code now}. */
    public static KeyVerdict of(ApiKeyState key, Instant now) {
        return of(key, key == null ? null : key.keyHash(), now);
    }

    /** The verdict on a key's published state found under {@code presentedHash} at {@code now}. */
    public static KeyVerdict of(ApiKeyState key, String presentedHash, Instant now) {
        return of(key == null ? null : GatewayKey.of(key), presentedHash, now);
    }

    /**
     * The verdict on {@code key} found under {@code presentedHash} at {@code now}. The secret a rotation
     * replaced is usable until the grace period's end (exclusive), and never beyond the key's own life.
     */
    public static KeyVerdict of(GatewayKey key, String presentedHash, Instant now) {
        if (key == null) {
            return UNKNOWN;
        }
        if (key.status() == ApiKeyStatus.REVOKED) {
            return REVOKED;
        }
        long nowMicros = GatewayKey.micros(now);
        if (key.isExpiredAt(nowMicros)) {
            return EXPIRED;
        }
        if (!key.keyHash().equals(presentedHash)) {
            return key.isPreviousKeyValidAt(nowMicros) && key.previousKeyHash().equals(presentedHash)
                    ? USABLE
                    : EXPIRED;
        }
        return USABLE;
    }
}
