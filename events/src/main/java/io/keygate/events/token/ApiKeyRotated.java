package io.keygate.events.token;

/**
 * An API key got a new secret. The new secret's hash is {@code key.keyHash}; the old one is kept as
 * {@code key.previousKeyHash} and accepted until {@code key.previousKeyValidUntil} (absent when the
 * rotation had no grace period). Type {@code io.keygate.apikey.rotated.v1}.
 *
 * @param key the key's full state after the rotation
 */
public record ApiKeyRotated(ApiKeyState key) implements TokenEvent {}
