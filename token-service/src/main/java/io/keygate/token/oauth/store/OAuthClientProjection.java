package io.keygate.token.oauth.store;

import io.keygate.access.OwnerScope;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.oauth.OAuthClientEvent;
import io.keygate.events.oauth.OAuthClientState;
import io.keygate.events.oauth.OAuthClientStatus;
import io.keygate.eventstore.RebuildableProjection;
import io.keygate.token.oauth.OAuthClient;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The {@code oauth_client} read model: written in the command's transaction, read by the API and the token endpoint. */
@ApplicationScoped
public class OAuthClientProjection implements RebuildableProjection {

    private final Pool pool;

    OAuthClientProjection(Pool pool) {
        this.pool = pool;
    }

    /** Creates the OAuth tables (clients and signing keys) before anything uses them. */
    void createSchema(@Observes @Priority(16) StartupEvent startup) {
        pool.query(resource("/io/keygate/token/oauth/schema.sql"))
                .execute()
                .await()
                .atMost(Duration.ofSeconds(30));
    }

    @Override
    public String name() {
        return "oauth_client";
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(OAuthClient.AGGREGATE_TYPE);
    }

    @Override
    public List<String> tables() {
        return List.of("oauth_client");
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx, String clientId, List<EventEnvelope<KeygateEvent>> events) {
        OAuthClientState state = OAuthClient.replay(
                events.stream().map(e -> (OAuthClientEvent) e.data()).toList());
        return upsert(tx, state, events.get(events.size() - 1).sequence());
    }

    /** Writes a client's state after an event, in the caller's transaction. */
    public Uni<Void> upsert(SqlConnection tx, OAuthClientState client, long version) {
        return tx.preparedQuery("""
                        INSERT INTO oauth_client (client_id, tenant_id, application_id, name, masked_secret, secret_hash,
                            scopes, status, created_at, revoked_at, version)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                        ON CONFLICT (client_id) DO UPDATE SET name = $4, scopes = $7, status = $8, revoked_at = $10,
                            version = $11""")
                .execute(Tuple.tuple()
                        .addString(client.clientId())
                        .addString(client.tenantId())
                        .addString(client.applicationId())
                        .addString(client.name())
                        .addString(client.maskedSecret())
                        .addString(client.secretHash())
                        .addArrayOfString(client.scopes().toArray(String[]::new))
                        .addString(client.status().name())
                        .addOffsetDateTime(utc(client.createdAt()))
                        .addOffsetDateTime(utc(client.revokedAt()))
                        .addLong(version))
                .replaceWithVoid();
    }

    /** A client by id, whatever its tenant (the token endpoint knows only the id), or null. */
    public Uni<OAuthClientState> find(String clientId) {
        return pool.preparedQuery("SELECT * FROM oauth_client WHERE client_id = $1")
                .execute(Tuple.of(clientId))
                .map(rows -> rows.size() == 0 ? null : toState(rows.iterator().next()));
    }

    /** A tenant's client, or null. */
    public Uni<OAuthClientState> find(String tenantId, String clientId) {
        return find(clientId).map(client -> client != null && client.tenantId().equals(tenantId) ? client : null);
    }

    /**
     * A tenant's clients, newest first.
     *
     * @param scope only the clients of the applications in the caller's scope (their own and their teams')
     */
    public Uni<List<OAuthClientState>> list(String tenantId, OwnerScope scope, int limit) {
        return pool.preparedQuery("""
                        SELECT * FROM oauth_client WHERE tenant_id = $1
                            AND ($2::text IS NULL OR application_id IN (
                                SELECT application_id FROM application WHERE tenant_id = $1
                                    AND (owner_id = $2 OR team_id = ANY($4::text[]))))
                        ORDER BY created_at DESC, client_id LIMIT $3""")
                .execute(Tuple.tuple()
                        .addString(tenantId)
                        .addString(scope.ownerId())
                        .addInteger(limit)
                        .addArrayOfString(scope.teams().toArray(String[]::new)))
                .map(rows -> {
                    List<OAuthClientState> clients = new ArrayList<>();
                    rows.forEach(row -> clients.add(toState(row)));
                    return clients;
                });
    }

    private static OAuthClientState toState(Row row) {
        return new OAuthClientState(
                row.getString("client_id"),
                row.getString("tenant_id"),
                row.getString("application_id"),
                row.getString("name"),
                row.getString("masked_secret"),
                row.getString("secret_hash"),
                Arrays.asList(row.getArrayOfStrings("scopes")),
                OAuthClientStatus.valueOf(row.getString("status")),
                instant(row, "created_at"),
                instant(row, "revoked_at"));
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String resource(String name) {
        try (InputStream in = OAuthClientProjection.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
