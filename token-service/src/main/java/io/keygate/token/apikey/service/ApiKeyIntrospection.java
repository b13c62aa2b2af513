package io.keygate.token.apikey.service;

import io.keygate.events.credential.ApiKeyFormat;
import io.keygate.events.credential.ApiKeyHasher;
import io.keygate.events.token.ApiKeyState;
import io.keygate.token.apikey.store.ApiKeyProjection;
import io.keygate.token.config.TokenServiceConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Answers "is this API key usable now, and what may it do?" for RFC 7662 introspection. A string that is
 * not a well-formed key (wrong shape or checksum) is refused before any lookup, and the secret is only
 * ever compared by its keyed hash.
 */
@ApplicationScoped
public class ApiKeyIntrospection {

    private final ApiKeyProjection projection;
    private final ApiKeyHasher hasher;
    private final Clock clock = Clock.systemUTC();

    ApiKeyIntrospection(ApiKeyProjection projection, TokenServiceConfig config) {
        this.projection = projection;
        this.hasher = new ApiKeyHasher(config.pepper());
    }

    /** Whether a presented token has the shape and checksum of a Keygate API key. */
    public static boolean looksLikeApiKey(String token) {
        return ApiKeyFormat.isWellFormed(token);
    }

    /** The usable key this secret belongs to, or empty (unknown, revoked, expired, or past its grace period). */
    public Uni<Optional<UsableApiKey>> introspect(String secret) {
        if (!ApiKeyFormat.isWellFormed(secret)) {
            return Uni.createFrom().item(Optional.empty());
        }
        String hash = hasher.hash(secret);
        Instant now = clock.instant();
        return projection.findByHash(hash).map(key -> Optional.ofNullable(key).flatMap(k -> usable(k, hash, now)));
    }

    private static Optional<UsableApiKey> usable(ApiKeyState key, String hash, Instant now) {
        if (hash.equals(key.keyHash())) {
            return key.isUsableAt(now) ? Optional.of(new UsableApiKey(key, key.expiresAt(), false)) : Optional.empty();
        }
        if (hash.equals(key.previousKeyHash()) && key.isPreviousKeyUsableAt(now)) {
            Instant end = key.expiresAt() == null || key.previousKeyValidUntil().isBefore(key.expiresAt())
                    ? key.previousKeyValidUntil()
                    : key.expiresAt();
            return Optional.of(new UsableApiKey(key, end, true));
        }
        return Optional.empty();
    }
}
