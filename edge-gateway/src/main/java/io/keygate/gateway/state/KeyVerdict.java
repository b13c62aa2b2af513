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

    /** The verdict on {@code key} (null when no key matched) at {@code now}. */
    public static KeyVerdict of(ApiKeyState key, Instant now) {
        if (key == null) {
            return UNKNOWN;
        }
        if (key.status() == ApiKeyStatus.REVOKED) {
            return REVOKED;
        }
        if (key.expiresAt() != null && !now.isBefore(key.expiresAt())) {
            return EXPIRED;
        }
        return USABLE;
    }
}
