package io.keygate.events.signing;

/**
 * A new signing key was generated; verifiers add it to their key set. The token-service signs nothing
 * with it until this event is acknowledged by Kafka. Type {@code io.keygate.signing-key.published.v1}.
 *
 * @param key the key's state: status {@code PUBLISHED}
 */
public record SigningKeyPublished(SigningKeyState key) implements SigningKeyEvent {}
