package io.keygate.token.oauth.store;

import static io.keygate.token.oauth.store.OAuthClientProjection.utc;

import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.oauth.AccessTokenRevoked;
import io.keygate.eventstore.RebuildableProjection;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/** The {@code oauth_revoked_token} read model: revoked access-token ids, for introspection. */
@ApplicationScoped
public class RevokedTokenStore implements RebuildableProjection {

    /** The aggregate type of revoked access tokens (one aggregate per {@code jti}) in the event store. */
    public static final String AGGREGATE_TYPE = "access-token";

    private final Pool pool;

    RevokedTokenStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public String name() {
        return "oauth_revoked_token";
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(AGGREGATE_TYPE);
    }

    @Override
    public List<String> tables() {
        return List.of("oauth_revoked_token");
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx, String jti, List<EventEnvelope<KeygateEvent>> events) {
        return insert(tx, (AccessTokenRevoked) events.get(0).data());
    }

    /** Records a revocation, in the transaction that appends its event. */
    public Uni<Void> insert(SqlConnection tx, AccessTokenRevoked revoked) {
        return tx.preparedQuery("""
                        INSERT INTO oauth_revoked_token (jti, tenant_id, client_id, expires_at, revoked_at)
                        VALUES ($1, $2, $3, $4, $5) ON CONFLICT (jti) DO NOTHING""")
                .execute(Tuple.of(
                        revoked.jti(),
                        revoked.tenantId(),
                        revoked.clientId(),
                        utc(revoked.expiresAt()),
                        utc(revoked.revokedAt())))
                .replaceWithVoid();
    }

    /** Whether the token with this id was revoked. */
    public Uni<Boolean> isRevoked(String jti) {
        return pool.preparedQuery("SELECT 1 FROM oauth_revoked_token WHERE jti = $1")
                .execute(Tuple.of(jti))
                .map(rows -> rows.size() > 0);
    }
}
