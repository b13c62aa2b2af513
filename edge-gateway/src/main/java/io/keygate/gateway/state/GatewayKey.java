package io.keygate.gateway.state;

import io.keygate.events.policy.CredentialKind;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.gateway.check.Caller;
import java.time.Instant;

/**
 * What the gateway keeps of an API key: only what enforcement needs, in as few bytes as it can (names,
 * descriptions, metadata and the masked form stay with token-service), so a gateway holds millions of keys in a
 * small heap. The {@link Caller} the key describes is built once, when its event is applied, with the strings and
 * lists shared among keys deduplicated by {@link TokenIndex}.
 */
public final class GatewayKey {

    private static final long NEVER = Long.MAX_VALUE;

    private final Caller caller;
    private final String keyHash;
    private final String previousKeyHash;
    private final ApiKeyStatus status;
    private final long expiresAtMicros;
    private final long previousKeyValidUntilMicros;
    /** The key's aggregate sequence this state is at (0 for a one-off view). */
    private final long sequence;

    GatewayKey(Caller caller, EnforcedKey key, long sequence) {
        this.caller = caller;
        this.sequence = sequence;
        this.keyHash = key.keyHash();
        this.previousKeyHash = key.previousKeyHash();
        this.status = key.status();
        this.expiresAtMicros = key.expiresAtMicros();
        this.previousKeyValidUntilMicros = key.previousKeyValidUntilMicros();
    }

    /** A key's enforcement view on its own (no deduplication): for tests and one-off checks. */
    public static GatewayKey of(ApiKeyState state) {
        EnforcedKey key = EnforcedKey.of(state);
        return new GatewayKey(
                new Caller(
                        CredentialKind.API_KEY,
                        key.keyId(),
                        key.tenantId(),
                        key.applicationId(),
                        key.scopes(),
                        null,
                        key.rateLimit(),
                        key.quota()),
                key,
                0);
    }

    /** The aggregate sequence of the event this state came from: replays and older events are not applied. */
    long sequence() {
        return sequence;
    }

    /** Who the key says is calling. */
    public Caller caller() {
        return caller;
    }

    public String keyId() {
        return caller.credentialId();
    }

    public String tenantId() {
        return caller.tenantId();
    }

    public String keyHash() {
        return keyHash;
    }

    /** The hash of the secret a rotation replaced, while it may still be in its grace period; else null. */
    public String previousKeyHash() {
        return previousKeyHash;
    }

    public ApiKeyStatus status() {
        return status;
    }

    /** Whether the key has expired by {@code nowMicros} (µs since the epoch), by status or by its expiry time. */
    public boolean isExpiredAt(long nowMicros) {
        return status == ApiKeyStatus.EXPIRED || nowMicros >= expiresAtMicros;
    }

    /** Whether the replaced secret is still in its grace period at {@code nowMicros} (the key's own status aside). */
    public boolean isPreviousKeyValidAt(long nowMicros) {
        return previousKeyHash != null && nowMicros < previousKeyValidUntilMicros;
    }

    /** An instant as µs since the epoch, rounded down (a key expiring at t is refused from t on); {@code null} as never. */
    public static long micros(Instant instant) {
        return instant == null ? NEVER : instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}
