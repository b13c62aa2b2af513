package io.keygate.token.apikey.store;

import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
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

/** The {@code api_key} read model: written in the command's transaction, read by the REST API. */
@ApplicationScoped
public class ApiKeyProjection {

    private final Pool pool;

    ApiKeyProjection(Pool pool) {
        this.pool = pool;
    }

    void createSchema(@Observes @Priority(15) StartupEvent startup) {
        pool.query(resource("/io/keygate/token/schema.sql")).execute().await().atMost(Duration.ofSeconds(30));
    }

    /** Writes a key's state after an event, in the caller's transaction. */
    public Uni<Void> upsert(SqlConnection tx, ApiKeyState key, long version) {
        return tx.preparedQuery("""
                        INSERT INTO api_key (key_id, tenant_id, name, masked_key, key_hash, scopes, status, created_at,
                            expires_at, revoked_at, revocation_reason, version)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                        ON CONFLICT (key_id) DO UPDATE SET name = $3, scopes = $6, status = $7, expires_at = $9,
                            revoked_at = $10, revocation_reason = $11, version = $12""")
                .execute(Tuple.tuple()
                        .addString(key.keyId()).addString(key.tenantId()).addString(key.name())
                        .addString(key.maskedKey()).addString(key.keyHash())
                        .addArrayOfString(key.scopes().toArray(String[]::new))
                        .addString(key.status().name())
                        .addOffsetDateTime(utc(key.createdAt())).addOffsetDateTime(utc(key.expiresAt()))
                        .addOffsetDateTime(utc(key.revokedAt())).addString(key.revocationReason())
                        .addLong(version))
                .replaceWithVoid();
    }

    /** A tenant's key, or null. */
    public Uni<ApiKeyState> find(String tenantId, String keyId) {
        return pool.preparedQuery("SELECT * FROM api_key WHERE tenant_id = $1 AND key_id = $2")
                .execute(Tuple.of(tenantId, keyId))
                .map(rows -> rows.size() == 0 ? null : toState(rows.iterator().next()));
    }

    /** A tenant's keys, newest first. */
    public Uni<List<ApiKeyState>> list(String tenantId, int limit) {
        return pool.preparedQuery("SELECT * FROM api_key WHERE tenant_id = $1 ORDER BY created_at DESC, key_id LIMIT $2")
                .execute(Tuple.of(tenantId, limit))
                .map(rows -> {
                    List<ApiKeyState> keys = new ArrayList<>();
                    rows.forEach(row -> keys.add(toState(row)));
                    return keys;
                });
    }

    private static ApiKeyState toState(Row row) {
        return new ApiKeyState(row.getString("key_id"), row.getString("tenant_id"), row.getString("name"),
                row.getString("masked_key"), row.getString("key_hash"), Arrays.asList(row.getArrayOfStrings("scopes")),
                ApiKeyStatus.valueOf(row.getString("status")), instant(row, "created_at"), instant(row, "expires_at"),
                instant(row, "revoked_at"), row.getString("revocation_reason"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String resource(String name) {
        try (InputStream in = ApiKeyProjection.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
