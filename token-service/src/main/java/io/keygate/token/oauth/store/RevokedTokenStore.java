package io.keygate.token.oauth.store;

import static io.keygate.token.oauth.store.OAuthClientProjection.utc;

import io.keygate.events.oauth.AccessTokenRevoked;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** The {@code oauth_revoked_token} read model: revoked access-token ids, for introspection. */
@ApplicationScoped
public class RevokedTokenStore {

    private final Pool pool;

    RevokedTokenStore(Pool pool) {
        this.pool = pool;
    }

    /** Records a revocation, in the transaction that appends its event. */
    public Uni<Void> insert(SqlConnection tx, AccessTokenRevoked revoked) {
        return tx.preparedQuery("""
                        INSERT INTO oauth_revoked_token (jti, tenant_id, client_id, expires_at, revoked_at)
                        VALUES ($1, $2, $3, $4, $5) ON CONFLICT (jti) DO NOTHING""")
                .execute(Tuple.of(revoked.jti(), revoked.tenantId(), revoked.clientId(), utc(revoked.expiresAt()),
                        utc(revoked.revokedAt())))
                .replaceWithVoid();
    }

    /** Whether the token with this id was revoked. */
    public Uni<Boolean> isRevoked(String jti) {
        return pool.preparedQuery("SELECT 1 FROM oauth_revoked_token WHERE jti = $1").execute(Tuple.of(jti))
                .map(rows -> rows.size() > 0);
    }
}
