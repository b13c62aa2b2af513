package io.keygate.gateway.check;

import io.keygate.events.net.Cidr;
import io.keygate.events.policy.CredentialKind;
import io.keygate.events.token.Quota;
import io.keygate.events.token.RateLimit;
import java.util.List;
import java.util.Objects;

/**
 * Who a request's credential says is calling, whatever the kind of credential: what the checks after the credential
 * lookup (IP, scope, subscription, rate limit) and the call record need, and nothing secret.
 *
 * @param kind            the kind of credential presented
 * @param credentialId    id of the credential: an API key's id, or a JWT client's id
 * @param tenantId        tenant the credential belongs to
 * @param applicationId   application the credential belongs to; null for a key issued without one
 * @param scopes          scopes the credential grants
 * @param allowedNetworks networks the credential may be used from; null when it is not restricted
 * @param rateLimit       the credential's own rate limit, or null
 * @param quota           the credential's own quota, or null
 */
public record Caller(
        CredentialKind kind,
        String credentialId,
        String tenantId,
        String applicationId,
        List<String> scopes,
        List<Cidr> allowedNetworks,
        RateLimit rateLimit,
        Quota quota) {

    public Caller {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(tenantId, "tenantId");
        scopes = scopes == null ? List.of() : scopes;
    }
}
