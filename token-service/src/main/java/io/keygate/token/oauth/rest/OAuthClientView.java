package io.keygate.token.oauth.rest;

import io.keygate.events.oauth.OAuthClientState;
import java.time.Instant;
import java.util.List;

/** An OAuth2 client as the API shows it: the secret masked, never its hash. */
public record OAuthClientView(
        String clientId,
        String tenantId,
        String applicationId,
        String name,
        String maskedSecret,
        List<String> scopes,
        String status,
        Instant createdAt,
        Instant revokedAt) {

    static OAuthClientView of(OAuthClientState client) {
        return new OAuthClientView(
                client.clientId(),
                client.tenantId(),
                client.applicationId(),
                client.name(),
                client.maskedSecret(),
                client.scopes(),
                client.status().name(),
                client.createdAt(),
                client.revokedAt());
    }
}
