package io.keygate.events.token;

/**
 * The grace period of a rotation ended: the previous secret's hash is dropped and only the current
 * secret is accepted. Type {@code io.keygate.apikey.rotation-completed.v1}.
 *
 * @param key the key's full state, without {@code previousKeyHash}
 */
public record ApiKeyRotationCompleted(ApiKeyState key) implements TokenEvent {}
