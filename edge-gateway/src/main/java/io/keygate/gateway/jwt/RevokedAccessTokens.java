package io.keygate.gateway.jwt;

import io.keygate.events.oauth.AccessTokenRevoked;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code jti}s of revoked access tokens, each kept only while its token could still be accepted: until its
 * {@code exp} plus {@link #KEPT_AFTER_EXPIRY} (at least the verifier's clock skew). After that the token is refused
 * as expired anyway, so the entry is pruned and memory stays bounded by the revocations of one token lifetime.
 *
 * <p>One writer (the state consumer) applies events and prunes; request threads read without locks.
 */
public final class RevokedAccessTokens {

    /** How long an entry outlives its token's {@code exp}: the largest clock skew the verifier may tolerate. */
    public static final Duration KEPT_AFTER_EXPIRY = Duration.ofMinutes(5);

    private final Map<String, Instant> expiryByJti = new ConcurrentHashMap<>();
    /** Entries by the time they may go; touched by the writer only. */
    private final PriorityQueue<Map.Entry<String, Instant>> byDropTime =
            new PriorityQueue<>(Map.Entry.comparingByValue(Comparator.naturalOrder()));

    private final Clock clock;

    /** @param clock tells when an entry may be pruned */
    public RevokedAccessTokens(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records a revocation.
     *
     * @return false when it changes nothing: the {@code jti} is already revoked, or its token is past the time
     *         it could be accepted (a replay of an old revocation)
     */
    public boolean apply(AccessTokenRevoked revoked) {
        Instant dropAt = revoked.expiresAt().plus(KEPT_AFTER_EXPIRY);
        if (!clock.instant().isBefore(dropAt) || expiryByJti.putIfAbsent(revoked.jti(), dropAt) != null) {
            return false;
        }
        byDropTime.add(Map.entry(revoked.jti(), dropAt));
        return true;
    }

    /** Whether the token with this {@code jti} was revoked. */
    public boolean isRevoked(String jti) {
        return expiryByJti.containsKey(jti);
    }

    /** Drops the entries whose tokens can no longer be accepted. Cheap when there are none. */
    public void pruneExpired() {
        Instant now = clock.instant();
        Map.Entry<String, Instant> next;
        while ((next = byDropTime.peek()) != null && !now.isBefore(next.getValue())) {
            byDropTime.poll();
            expiryByJti.remove(next.getKey());
        }
    }

    /** Number of revoked tokens kept. */
    public int size() {
        return expiryByJti.size();
    }
}
