package io.keygate.token.oauth;

import java.time.Instant;
import java.util.List;

/** Commands on the OAuth2-client aggregate. */
public sealed interface OAuthClientCommand {

    /** The client the command is for. */
    String clientId();

    /** Registers a client; the secret itself never reaches the aggregate, only its keyed hash. */
    record RegisterClient(
            String clientId,
            String tenantId,
            String applicationId,
            String name,
            String maskedSecret,
            String secretHash,
            List<String> scopes,
            Instant at)
            implements OAuthClientCommand {}

    /** Revokes a client: it obtains no new tokens. */
    record RevokeClient(String clientId, String tenantId, Instant at) implements OAuthClientCommand {}
}
