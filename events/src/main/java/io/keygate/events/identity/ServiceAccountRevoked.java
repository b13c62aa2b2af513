package io.keygate.events.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A service account was revoked: it obtains no new token, and every service refuses the tokens it holds (their
 * {@code sid} is the account's id) until {@code tokensExpireBy}, when the last of them has expired anyway. Type
 * {@code io.keygate.identity.service-account-revoked.v1}.
 *
 * @param serviceAccount the account's state: status {@code REVOKED}
 * @param tokensExpireBy when the last service token issued before the revocation expires
 */
public record ServiceAccountRevoked(ServiceAccountState serviceAccount, Instant tokensExpireBy)
        implements ServiceAccountEvent {

    public ServiceAccountRevoked {
        Objects.requireNonNull(tokensExpireBy, "tokensExpireBy");
    }
}
