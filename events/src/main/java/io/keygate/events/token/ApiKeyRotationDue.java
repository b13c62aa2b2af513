package io.keygate.events.token;

import java.time.Instant;

/**
 * The tenant's token policy says the key's current secret is getting too old: rotate it before
 * {@code rotateBy}. Sent once per key and secret (a rotation starts the count again); changes nothing else.
 * Type {@code io.keygate.apikey.rotation-due.v1}.
 *
 * @param key      the key's full state, with {@code rotationDueNotifiedAt} set
 * @param rotateBy when the secret reaches the policy's maximum key age (and is expired, if the policy says so)
 */
public record ApiKeyRotationDue(ApiKeyState key, Instant rotateBy) implements TokenEvent {}
