package io.keygate.events.signing;

/**
 * A superseded signing key outlived every token it signed; verifiers drop it.
 * Type {@code io.keygate.signing-key.retired.v1}.
 *
 * @param key the key's state: status {@code RETIRED}, with its retirement time
 */
public record SigningKeyRetired(SigningKeyState key) implements SigningKeyEvent {}
