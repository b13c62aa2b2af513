package io.keygate.events.oauth;

/**
 * An OAuth2 client was revoked: it obtains no new tokens. Tokens it already holds stay valid until they
 * expire (at most the token lifetime) unless revoked one by one. Type {@code io.keygate.oauth-client.revoked.v1}.
 *
 * @param client the client's state: status {@code REVOKED}, with its revocation time
 */
public record OAuthClientRevoked(OAuthClientState client) implements OAuthClientEvent {}
