package io.keygate.token.application.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the credentials still active although their application is deleted: the read models of API keys,
 * OAuth2 clients and applications joined. Each query can be narrowed to one application (the pass right
 * after a deletion) or span all deleted applications not yet swept (the periodic pass).
 */
@ApplicationScoped
public class DeletedApplicationCredentials {

    // A credential belongs to an application of its own tenant only: the tenant is part of the join.
    private static final String ACTIVE_API_KEYS = """
            SELECT k.tenant_id, k.key_id AS credential_id FROM application a
            JOIN api_key k ON k.application_id = a.application_id AND k.tenant_id = a.tenant_id
            WHERE a.status = 'DELETED' AND a.credentials_swept_at IS NULL AND k.status = 'ACTIVE'
                AND ($1::text IS NULL OR a.application_id = $1)
            ORDER BY k.created_at, k.key_id LIMIT $2""";
    private static final String ACTIVE_OAUTH_CLIENTS = """
            SELECT c.tenant_id, c.client_id AS credential_id FROM application a
            JOIN oauth_client c ON c.application_id = a.application_id AND c.tenant_id = a.tenant_id
            WHERE a.status = 'DELETED' AND a.credentials_swept_at IS NULL AND c.status = 'ACTIVE'
                AND ($1::text IS NULL OR a.application_id = $1)
            ORDER BY c.created_at, c.client_id LIMIT $2""";

    private final Pool pool;

    DeletedApplicationCredentials(Pool pool) {
        this.pool = pool;
    }

    /** Active API keys of deleted applications ({@code applicationId} null: of any), oldest first. */
    public Uni<List<CredentialRef>> activeApiKeys(String applicationId, int limit) {
        return find(ACTIVE_API_KEYS, applicationId, limit);
    }

    /** Active OAuth2 clients of deleted applications ({@code applicationId} null: of any), oldest first. */
    public Uni<List<CredentialRef>> activeOAuthClients(String applicationId, int limit) {
        return find(ACTIVE_OAUTH_CLIENTS, applicationId, limit);
    }

    /**
     * Marks the deleted applications ({@code applicationId} null: all) that have no active credential left as
     * swept, so later passes skip them. Safe because no credential can be added to a deleted application.
     *
     * @return how many were marked
     */
    public Uni<Integer> markSwept(String applicationId) {
        return pool.preparedQuery("""
                        UPDATE application a SET credentials_swept_at = now()
                        WHERE a.status = 'DELETED' AND a.credentials_swept_at IS NULL
                            AND ($1::text IS NULL OR a.application_id = $1)
                            AND NOT EXISTS (SELECT 1 FROM api_key k WHERE k.application_id = a.application_id
                                AND k.tenant_id = a.tenant_id AND k.status = 'ACTIVE')
                            AND NOT EXISTS (SELECT 1 FROM oauth_client c WHERE c.application_id = a.application_id
                                AND c.tenant_id = a.tenant_id AND c.status = 'ACTIVE')""").execute(Tuple.of(applicationId)).map(rows -> rows.rowCount());
    }

    private Uni<List<CredentialRef>> find(String sql, String applicationId, int limit) {
        return pool.preparedQuery(sql).execute(Tuple.of(applicationId, limit)).map(rows -> {
            List<CredentialRef> refs = new ArrayList<>();
            rows.forEach(
                    row -> refs.add(new CredentialRef(row.getString("tenant_id"), row.getString("credential_id"))));
            return refs;
        });
    }
}
