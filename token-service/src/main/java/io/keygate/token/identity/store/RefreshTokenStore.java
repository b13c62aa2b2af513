package io.keygate.token.identity.store;

import static io.keygate.token.store.SqlTimestamps.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Every refresh token of every session, as a keyed hash, with whether it was used (not from events). */
@ApplicationScoped
public class RefreshTokenStore {

    private final Pool pool;

    RefreshTokenStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * A stored refresh token.
     *
     * @param sessionId its session
     * @param used      whether it was used already (presenting it again is reuse)
     */
    public record StoredRefreshToken(String sessionId, boolean used) {}

    /** Stores a new token of a session. */
    public Uni<Void> add(SqlConnection tx, String tokenHash, String sessionId, Instant at) {
        return tx.preparedQuery(
                        "INSERT INTO session_refresh_token (token_hash, session_id, issued_at) VALUES ($1, $2, $3)")
                .execute(Tuple.of(tokenHash, sessionId, utc(at)))
                .replaceWithVoid();
    }

    /** The token with this hash, or null. */
    public Uni<StoredRefreshToken> find(String tokenHash) {
        return pool.preparedQuery("SELECT session_id, used_at FROM session_refresh_token WHERE token_hash = $1")
                .execute(Tuple.of(tokenHash))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    var row = rows.iterator().next();
                    return new StoredRefreshToken(row.getString("session_id"), row.getValue("used_at") != null);
                });
    }

    /** Marks the token used in {@code tx}: true if this call did (of two refreshes racing, one gets true). */
    public Uni<Boolean> markUsed(SqlConnection tx, String tokenHash, Instant at) {
        return tx.preparedQuery(
                        "UPDATE session_refresh_token SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL")
                .execute(Tuple.of(tokenHash, utc(at)))
                .map(rows -> rows.rowCount() == 1);
    }
}
