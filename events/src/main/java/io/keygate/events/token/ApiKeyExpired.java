package io.keygate.events.token;

/**
 * An API key reached its expiry; emitted once per key by the token-service. Gateways refuse a key
 * from its {@code expiresAt} on even before this event arrives. Type {@code io.keygate.apikey.expired.v1}.
 *
 * @param key the key's full state: status {@code EXPIRED}
 */
public record ApiKeyExpired(ApiKeyState key) implements TokenEvent {}
