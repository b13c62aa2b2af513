package io.keygate.events.oauth;

/**
 * An OAuth2 client was revoked: it obtains no new tokens, and gateways refuse the tokens it already holds from
 * the moment they apply this event. Type {@code io.keygate.oauth-client.revoked.v1}.
 *
 * @param client the client's state: status {@code REVOKED}, with its revocation time
 */
public record OAuthClientRevoked(OAuthClientState client) implements OAuthClientEvent {}
