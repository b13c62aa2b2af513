package io.keygate.token.identity.store;

import static io.keygate.token.store.SqlTimestamps.utc;

import io.keygate.token.identity.login.LoginBackoff;
import io.keygate.token.store.SqlTimestamps;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/** Consecutive login failures and locks per throttle key ({@code account:<hash>}, {@code client:<address>}). */
@ApplicationScoped
public class LoginThrottleStore {

    private final Pool pool;

    LoginThrottleStore(Pool pool) {
        this.pool = pool;
    }

    /** Until when the key is locked, or null if it is not locked at {@code now}. */
    public Uni<Instant> lockedUntil(String key, Instant now) {
        return pool.preparedQuery(
                        "SELECT locked_until FROM login_throttle WHERE throttle_key = $1 AND locked_until > $2")
                .execute(Tuple.of(key, utc(now)))
                .map(rows -> rows.size() == 0
                        ? null
                        : SqlTimestamps.instant(rows.iterator().next(), "locked_until"));
    }

    /**
     * Counts a failure (starting over after {@code window} without one) and locks the key as the backoff says;
     * returns until when it is locked now, or null.
     */
    public Uni<Instant> recordFailure(String key, Instant now, Duration window, LoginBackoff backoff) {
        return pool.preparedQuery("""
                        INSERT INTO login_throttle (throttle_key, failures, last_failure_at) VALUES ($1, 1, $2)
                        ON CONFLICT (throttle_key) DO UPDATE SET
                            failures = CASE WHEN login_throttle.last_failure_at < $3 THEN 1
                                            ELSE login_throttle.failures + 1 END,
                            last_failure_at = $2
                        RETURNING failures""")
                .execute(Tuple.of(key, utc(now), utc(now.minus(window))))
                .chain(rows -> {
                    int failures = rows.iterator().next().getInteger("failures");
                    Duration lock = backoff.lockAfter(failures);
                    if (lock.isZero()) {
                        return Uni.createFrom().nullItem();
                    }
                    Instant until = now.plus(lock);
                    return pool.preparedQuery("UPDATE login_throttle SET locked_until = $2 WHERE throttle_key = $1")
                            .execute(Tuple.of(key, utc(until)))
                            .replaceWith(until);
                });
    }

    /** Forgets the failures of a key (after a successful login of that account). */
    public Uni<Void> reset(String key) {
        return pool.preparedQuery("DELETE FROM login_throttle WHERE throttle_key = $1")
                .execute(Tuple.of(key))
                .replaceWithVoid();
    }
}
