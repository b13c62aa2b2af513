package io.keygate.token.identity.store;

import static io.keygate.token.store.SqlTimestamps.utc;

import io.keygate.events.identity.LoginStep;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Logins in progress: the next step a challenge token (stored as a keyed hash) allows, for whom, until when. */
@ApplicationScoped
public class LoginChallengeStore {

    /** Tries a challenge allows before it is spent. */
    public static final int MAX_ATTEMPTS = 5;

    private final Pool pool;

    LoginChallengeStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * A challenge as found.
     *
     * @param userId whose login it is
     * @param step   what it allows
     */
    public record Challenge(String userId, LoginStep step) {}

    /** Stores a challenge. */
    public Uni<Void> add(String challengeHash, String userId, LoginStep step, Instant expiresAt) {
        return pool.preparedQuery("""
                        INSERT INTO login_challenge (challenge_hash, user_id, step, expires_at) VALUES ($1, $2, $3, $4)""")
                .execute(Tuple.of(challengeHash, userId, step.name(), utc(expiresAt)))
                .replaceWithVoid();
    }

    /**
     * Counts a try of the challenge and returns it, or null if it is unknown, expired, spent, or for another step.
     */
    public Uni<Challenge> attempt(String challengeHash, LoginStep step, Instant now) {
        return pool.preparedQuery("""
                        UPDATE login_challenge SET attempts = attempts + 1
                        WHERE challenge_hash = $1 AND step = $2 AND expires_at > $3 AND attempts < $4
                        RETURNING user_id""")
                .execute(Tuple.of(challengeHash, step.name(), utc(now), MAX_ATTEMPTS))
                .map(rows -> rows.size() == 0
                        ? null
                        : new Challenge(rows.iterator().next().getString("user_id"), step));
    }

    /**
     * A passkey login's challenge as taken for an assertion.
     *
     * @param userId            whose login it is
     * @param webAuthnChallenge the WebAuthn challenge the assertion must sign; null if none was issued or it was used
     */
    public record PasskeyAttempt(String userId, String webAuthnChallenge) {

        @Override
        public String toString() {
            return "PasskeyAttempt[" + userId + "]";
        }
    }

    /** Sets the WebAuthn challenge of a live challenge (replacing an earlier one): true if it was still live. */
    public Uni<Boolean> setWebAuthnChallenge(String challengeHash, String webAuthnChallenge, Instant now) {
        return pool.preparedQuery("""
                        UPDATE login_challenge SET webauthn_challenge = $2
                        WHERE challenge_hash = $1 AND expires_at > $3""")
                .execute(Tuple.of(challengeHash, webAuthnChallenge, utc(now)))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * Counts a try of the challenge and takes its WebAuthn challenge (clearing it, so each is checked once), or null if
     * the challenge is unknown, expired, spent, or for another step.
     */
    public Uni<PasskeyAttempt> attemptPasskey(String challengeHash, LoginStep step, Instant now) {
        return pool.preparedQuery("""
                        UPDATE login_challenge AS c SET attempts = c.attempts + 1, webauthn_challenge = NULL
                        FROM (SELECT challenge_hash, webauthn_challenge FROM login_challenge
                              WHERE challenge_hash = $1 FOR UPDATE) AS before
                        WHERE c.challenge_hash = before.challenge_hash AND c.step = $2 AND c.expires_at > $3
                            AND c.attempts < $4
                        RETURNING c.user_id, before.webauthn_challenge""")
                .execute(Tuple.of(challengeHash, step.name(), utc(now), MAX_ATTEMPTS))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    var row = rows.iterator().next();
                    return new PasskeyAttempt(row.getString("user_id"), row.getString("webauthn_challenge"));
                });
    }

    /** Completes the challenge: true if this call deleted it (so it completes once). */
    public Uni<Boolean> complete(String challengeHash) {
        return pool.preparedQuery("DELETE FROM login_challenge WHERE challenge_hash = $1")
                .execute(Tuple.of(challengeHash))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Drops expired challenges. */
    public Uni<Integer> purgeExpired(Instant now) {
        return pool.preparedQuery("DELETE FROM login_challenge WHERE expires_at <= $1")
                .execute(Tuple.of(utc(now)))
                .map(rows -> rows.rowCount());
    }
}
