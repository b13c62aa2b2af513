package io.keygate.gateway.jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Access tokens whose signature and claims were verified, by the SHA-256 of the token, so a client repeating its
 * token pays a hash and a map lookup instead of an RSA verification. Bounded in size; an entry lives no longer than
 * its token's {@code exp} plus the clock skew. Only what cannot change is cached: the verifier still checks time,
 * key and revocations on every use.
 */
final class VerifiedTokenCache {

    /** Bound on an entry's life whatever its token says (tokens live minutes; this only guards the arithmetic). */
    private static final long LONGEST_ENTRY_SECONDS = Duration.ofDays(1).toSeconds();

    private final Cache<TokenDigest, TokenVerification> cache;

    /**
     * @param maxEntries largest number of tokens kept; 0 turns the cache off
     * @param clockSkew  how long past its {@code exp} a token may still be accepted
     */
    VerifiedTokenCache(long maxEntries, Duration clockSkew) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfter(new UntilTokenExpiry(clockSkew))
                .build();
    }

    /** The valid verification of the token with this digest, or null when it is not cached. */
    TokenVerification find(TokenDigest digest) {
        return cache.getIfPresent(digest);
    }

    /** Caches a valid verification. */
    void put(TokenDigest digest, TokenVerification valid) {
        cache.put(digest, valid);
    }

    /** Number of tokens cached (approximate, for tests and metrics). */
    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private record UntilTokenExpiry(Duration clockSkew) implements Expiry<TokenDigest, TokenVerification> {

        @Override
        public long expireAfterCreate(TokenDigest key, TokenVerification verified, long currentTime) {
            long seconds = verified.token().expiresAt()
                    + clockSkew.toSeconds()
                    - Instant.now().getEpochSecond();
            return TimeUnit.SECONDS.toNanos(Math.max(0, Math.min(seconds, LONGEST_ENTRY_SECONDS)));
        }

        @Override
        public long expireAfterUpdate(
                TokenDigest key, TokenVerification verified, long currentTime, long currentDuration) {
            return expireAfterCreate(key, verified, currentTime);
        }

        @Override
        public long expireAfterRead(
                TokenDigest key, TokenVerification verified, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
