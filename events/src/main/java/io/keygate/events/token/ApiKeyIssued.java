package io.keygate.events.token;

/**
 * A new API key was issued. Type {@code io.keygate.apikey.issued.v1}.
 *
 * @param key the key's state: status {@code ACTIVE}
 */
public record ApiKeyIssued(ApiKeyState key) implements TokenEvent {}
