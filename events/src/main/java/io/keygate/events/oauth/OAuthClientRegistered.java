package io.keygate.events.oauth;

/**
 * An OAuth2 client was registered. Type {@code io.keygate.oauth-client.registered.v1}.
 *
 * @param client the client's state: status {@code ACTIVE}
 */
public record OAuthClientRegistered(OAuthClientState client) implements OAuthClientEvent {}
