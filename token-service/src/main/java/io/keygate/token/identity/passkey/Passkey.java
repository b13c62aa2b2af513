package io.keygate.token.identity.passkey;

import java.time.Instant;

/**
 * A user's passkey as the user sees it: never its credential id or key.
 *
 * @param id         {@code pk_} + 32 hex digits
 * @param name       the name the user gave it
 * @param createdAt  when it was registered
 * @param lastUsedAt when it last completed a login; null if never
 */
public record Passkey(String id, String name, Instant createdAt, Instant lastUsedAt) {}
