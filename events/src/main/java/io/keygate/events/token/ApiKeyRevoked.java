package io.keygate.events.token;

/**
 * An API key was revoked; gateways refuse it from the moment they apply this event.
 * Type {@code io.keygate.apikey.revoked.v1}.
 *
 * @param key    the key's state: status {@code REVOKED}, with revocation time and reason
 * @param reason why it was revoked (also in {@code key.revocationReason})
 */
public record ApiKeyRevoked(ApiKeyState key, String reason) implements TokenEvent {}
