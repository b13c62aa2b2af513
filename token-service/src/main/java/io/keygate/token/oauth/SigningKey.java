package io.keygate.token.oauth;

import io.keygate.events.signing.PublicJwk;
import io.keygate.events.signing.SigningKeyPublished;
import io.keygate.events.signing.SigningKeyRetired;
import io.keygate.events.signing.SigningKeyState;
import io.keygate.events.signing.SigningKeyStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A token-signing key's lifecycle, as the token-service tracks it (its private half is stored apart,
 * encrypted). Published (an event) → activated (once Kafka acknowledged the event: from then on it signs)
 * → superseded (a newer key was activated: it signs nothing more) → retired (an event, once every token
 * it signed has expired).
 *
 * @param keyId        the {@code kid}
 * @param publicKey    its public half
 * @param publishedAt  when it was generated and its published event written
 * @param activatedAt  when it started signing, or null while its event is not yet on Kafka
 * @param supersededAt when a newer key took over signing, or null
 * @param retiredAt    when it left the key set, or null
 */
public record SigningKey(
        String keyId,
        PublicJwk publicKey,
        Instant publishedAt,
        Instant activatedAt,
        Instant supersededAt,
        Instant retiredAt) {

    public SigningKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(publishedAt, "publishedAt");
    }

    /** The event that announces a new key; written before the key may sign. */
    public static SigningKeyPublished published(String keyId, PublicJwk publicKey, Instant at) {
        return new SigningKeyPublished(new SigningKeyState(keyId, publicKey, SigningKeyStatus.PUBLISHED, at, null));
    }

    /** Whether verifiers must still accept tokens signed with it (it is in the JWKS). */
    public boolean isInKeySet() {
        return retiredAt == null;
    }

    /**
     * Whether every token it can have signed has expired at {@code now}: it stopped signing at
     * {@code supersededAt}, so its last token expires at most {@code tokenLifetime} later; {@code clockSkew}
     * covers a request that picked it just before, and verifiers whose clock lags ours.
     */
    public boolean isRetirableAt(Instant now, Duration tokenLifetime, Duration clockSkew) {
        return retiredAt == null
                && supersededAt != null
                && !now.isBefore(supersededAt.plus(tokenLifetime).plus(clockSkew));
    }

    /** The retirement event. */
    public SigningKeyRetired retire(Instant at) {
        if (!isInKeySet()) {
            throw new IllegalStateException("Signing key " + keyId + " is already retired");
        }
        return new SigningKeyRetired(new SigningKeyState(keyId, publicKey, SigningKeyStatus.RETIRED, publishedAt, at));
    }
}
