package io.keygate.token.apikey.store;

import static io.keygate.token.store.SqlTimestamps.instant;
import static io.keygate.token.store.SqlTimestamps.utc;

import io.keygate.access.OwnerScope;
import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.token.ApiKeyState;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.events.token.TokenEvent;
import io.keygate.eventstore.Decision;
import io.keygate.eventstore.RebuildableProjection;
import io.keygate.token.apikey.ApiKey;
import io.keygate.token.store.PgArrayLiteral;
import io.keygate.token.store.SchemaScripts;
import io.keygate.token.store.StateJson;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The {@code api_key} read model: written in the command's transaction, read by the REST API; rebuildable from the event store. */
@ApplicationScoped
public class ApiKeyProjection implements RebuildableProjection {

    private final Pool pool;

    ApiKeyProjection(Pool pool) {
        this.pool = pool;
    }

    void createSchema(@Observes @Priority(15) StartupEvent startup) {
        pool.query(SchemaScripts.load("/io/keygate/token/schema.sql"))
                .execute()
                .await()
                .atMost(Duration.ofSeconds(30));
    }

    @Override
    public String name() {
        return "api_key";
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(ApiKey.AGGREGATE_TYPE);
    }

    @Override
    public List<String> tables() {
        return List.of("api_key");
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx, String keyId, List<EventEnvelope<KeygateEvent>> events) {
        ApiKeyState state =
                ApiKey.replay(events.stream().map(e -> (TokenEvent) e.data()).toList());
        return upsert(tx, state, events.get(events.size() - 1).sequence());
    }

    private static final String UPSERT = """
            INSERT INTO api_key (key_id, tenant_id, name, masked_key, key_hash, scopes, status, created_at,
                expires_at, revoked_at, revocation_reason, version, application_id, previous_key_hash,
                previous_key_valid_until, state)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, ($16::text)::jsonb)
            ON CONFLICT (key_id) DO UPDATE SET name = $3, masked_key = $4, key_hash = $5, scopes = $6,
                status = $7, expires_at = $9, revoked_at = $10, revocation_reason = $11, version = $12,
                application_id = $13, previous_key_hash = $14, previous_key_valid_until = $15,
                state = ($16::text)::jsonb""";

    /** Writes a key's state after an event, in the caller's transaction. */
    public Uni<Void> upsert(SqlConnection tx, ApiKeyState key, long version) {
        return tx.preparedQuery(UPSERT).execute(row(key, version)).replaceWithVoid();
    }

    private static final String INSERT_ALL = """
            INSERT INTO api_key (key_id, tenant_id, name, masked_key, key_hash, scopes, status, created_at,
                expires_at, revoked_at, revocation_reason, version, application_id, previous_key_hash,
                previous_key_valid_until, state)
            SELECT key_id, tenant_id, name, masked_key, key_hash, scopes::text[], status, created_at, expires_at,
                revoked_at, revocation_reason, version, application_id, previous_key_hash, previous_key_valid_until,
                state::jsonb
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                $8::timestamptz[], $9::timestamptz[], $10::timestamptz[], $11::text[], $12::bigint[], $13::text[],
                $14::text[], $15::timestamptz[], $16::text[])
                AS k(key_id, tenant_id, name, masked_key, key_hash, scopes, status, created_at, expires_at, revoked_at,
                    revocation_reason, version, application_id, previous_key_hash, previous_key_valid_until, state)
            """;

    private static final String UPSERT_ALL = INSERT_ALL + """
            ON CONFLICT (key_id) DO UPDATE SET name = EXCLUDED.name, masked_key = EXCLUDED.masked_key,
                key_hash = EXCLUDED.key_hash, scopes = EXCLUDED.scopes, status = EXCLUDED.status,
                expires_at = EXCLUDED.expires_at, revoked_at = EXCLUDED.revoked_at,
                revocation_reason = EXCLUDED.revocation_reason, version = EXCLUDED.version,
                application_id = EXCLUDED.application_id, previous_key_hash = EXCLUDED.previous_key_hash,
                previous_key_valid_until = EXCLUDED.previous_key_valid_until, state = EXCLUDED.state""";

    /**
     * Writes several keys' states (a commit group's, each key at most once), in the caller's transaction: one
     * multi-row statement (column arrays, unnested), so PostgreSQL starts one executor and sends one answer for the
     * group rather than one per key. The scopes travel as array literals, an array column of arrays being no array.
     * Keys the decisions create (a group of issuances) are inserted without {@code ON CONFLICT}: its speculative
     * insertion costs every row an extra probe of the key index, and a row already there fails the group as a clash
     * of its events would.
     */
    public Uni<Void> upsertAll(SqlConnection tx, List<Decision<ApiKeyState, TokenEvent>> decisions) {
        int n = decisions.size();
        String[] keyIds = new String[n];
        String[] tenantIds = new String[n];
        String[] names = new String[n];
        String[] maskedKeys = new String[n];
        String[] keyHashes = new String[n];
        String[] scopes = new String[n];
        String[] statuses = new String[n];
        OffsetDateTime[] createdAts = new OffsetDateTime[n];
        OffsetDateTime[] expiresAts = new OffsetDateTime[n];
        OffsetDateTime[] revokedAts = new OffsetDateTime[n];
        String[] revocationReasons = new String[n];
        Long[] versions = new Long[n];
        String[] applicationIds = new String[n];
        String[] previousKeyHashes = new String[n];
        OffsetDateTime[] previousValidUntils = new OffsetDateTime[n];
        String[] states = new String[n];
        for (int i = 0; i < n; i++) {
            ApiKeyState key = decisions.get(i).state();
            keyIds[i] = key.keyId();
            tenantIds[i] = key.tenantId();
            names[i] = key.name();
            maskedKeys[i] = key.maskedKey();
            keyHashes[i] = key.keyHash();
            scopes[i] = PgArrayLiteral.of(key.scopes());
            statuses[i] = key.status().name();
            createdAts[i] = utc(key.createdAt());
            expiresAts[i] = utc(key.expiresAt());
            revokedAts[i] = utc(key.revokedAt());
            revocationReasons[i] = key.revocationReason();
            versions[i] = decisions.get(i).version();
            applicationIds[i] = key.applicationId();
            previousKeyHashes[i] = key.previousKeyHash();
            previousValidUntils[i] = utc(key.previousKeyValidUntil());
            states[i] = StateJson.write(key);
        }
        boolean allNew = decisions.stream()
                .allMatch(decision -> decision.version() == decision.events().size());
        return tx.preparedQuery(allNew ? INSERT_ALL : UPSERT_ALL)
                .execute(Tuple.tuple()
                        .addArrayOfString(keyIds)
                        .addArrayOfString(tenantIds)
                        .addArrayOfString(names)
                        .addArrayOfString(maskedKeys)
                        .addArrayOfString(keyHashes)
                        .addArrayOfString(scopes)
                        .addArrayOfString(statuses)
                        .addArrayOfOffsetDateTime(createdAts)
                        .addArrayOfOffsetDateTime(expiresAts)
                        .addArrayOfOffsetDateTime(revokedAts)
                        .addArrayOfString(revocationReasons)
                        .addArrayOfLong(versions)
                        .addArrayOfString(applicationIds)
                        .addArrayOfString(previousKeyHashes)
                        .addArrayOfOffsetDateTime(previousValidUntils)
                        .addArrayOfString(states))
                .replaceWithVoid();
    }

    private static Tuple row(ApiKeyState key, long version) {
        return Tuple.tuple()
                .addString(key.keyId())
                .addString(key.tenantId())
                .addString(key.name())
                .addString(key.maskedKey())
                .addString(key.keyHash())
                .addArrayOfString(key.scopes().toArray(String[]::new))
                .addString(key.status().name())
                .addOffsetDateTime(utc(key.createdAt()))
                .addOffsetDateTime(utc(key.expiresAt()))
                .addOffsetDateTime(utc(key.revokedAt()))
                .addString(key.revocationReason())
                .addLong(version)
                .addString(key.applicationId())
                .addString(key.previousKeyHash())
                .addOffsetDateTime(utc(key.previousKeyValidUntil()))
                .addString(StateJson.write(key));
    }

    /** Active keys whose expiry is at or before {@code now}, soonest first. */
    public Uni<List<DueApiKey>> findExpiryDue(Instant now, int limit) {
        return due("""
                SELECT tenant_id, key_id FROM api_key
                WHERE status = 'ACTIVE' AND expires_at <= $1 ORDER BY expires_at LIMIT $2""", now, limit);
    }

    /**
     * The soonest time after {@code now} at which an active key expires or a rotation's grace period ends, or null if
     * none is ahead.
     */
    public Uni<Instant> findNextDue(Instant now) {
        return pool.preparedQuery("""
                        SELECT least(
                            (SELECT min(expires_at) FROM api_key WHERE status = 'ACTIVE' AND expires_at > $1),
                            (SELECT min(previous_key_valid_until) FROM api_key
                             WHERE status = 'ACTIVE' AND previous_key_hash IS NOT NULL
                                 AND previous_key_valid_until > $1)) AS due""")
                .execute(Tuple.of(utc(now)))
                .map(rows -> instant(rows.iterator().next(), "due"));
    }

    /** Active keys whose rotation grace period ended at or before {@code now}, soonest first. */
    public Uni<List<DueApiKey>> findGraceEndDue(Instant now, int limit) {
        return due("""
                SELECT tenant_id, key_id FROM api_key
                WHERE status = 'ACTIVE' AND previous_key_hash IS NOT NULL AND previous_key_valid_until <= $1
                ORDER BY previous_key_valid_until LIMIT $2""", now, limit);
    }

    private Uni<List<DueApiKey>> due(String sql, Instant now, int limit) {
        return pool.preparedQuery(sql).execute(Tuple.of(utc(now), limit)).map(rows -> {
            List<DueApiKey> keys = new ArrayList<>();
            rows.forEach(row -> keys.add(new DueApiKey(row.getString("tenant_id"), row.getString("key_id"))));
            return keys;
        });
    }

    /** A tenant's key, or null. */
    public Uni<ApiKeyState> find(String tenantId, String keyId) {
        return pool.preparedQuery(
                        "SELECT *, state::text AS state_json FROM api_key WHERE tenant_id = $1 AND key_id = $2")
                .execute(Tuple.of(tenantId, keyId))
                .map(rows -> rows.size() == 0 ? null : toState(rows.iterator().next()));
    }

    /**
     * The key whose current secret, or whose replaced secret still in its rotation grace period, has this
     * keyed hash; null if none. The caller decides whether the match is usable at a given time.
     */
    public Uni<ApiKeyState> findByHash(String keyHash) {
        return pool.preparedQuery("""
                        SELECT *, state::text AS state_json FROM api_key WHERE key_hash = $1
                        UNION ALL
                        SELECT *, state::text AS state_json FROM api_key WHERE previous_key_hash = $1
                        LIMIT 1""")
                .execute(Tuple.of(keyHash))
                .map(rows -> rows.size() == 0 ? null : toState(rows.iterator().next()));
    }

    /**
     * A tenant's keys, newest first.
     *
     * @param scope only the keys of the applications in the caller's scope (their own and their teams')
     */
    public Uni<List<ApiKeyState>> list(String tenantId, OwnerScope scope, int limit) {
        return pool.preparedQuery("""
                        SELECT *, state::text AS state_json FROM api_key WHERE tenant_id = $1
                            AND ($2::text IS NULL OR application_id IN (
                                SELECT application_id FROM application WHERE tenant_id = $1
                                    AND (owner_id = $2 OR team_id = ANY($4::text[]))))
                        ORDER BY created_at DESC, key_id LIMIT $3""")
                .execute(Tuple.tuple()
                        .addString(tenantId)
                        .addString(scope.ownerId())
                        .addInteger(limit)
                        .addArrayOfString(scope.teams().toArray(String[]::new)))
                .map(rows -> {
                    List<ApiKeyState> keys = new ArrayList<>();
                    rows.forEach(row -> keys.add(toState(row)));
                    return keys;
                });
    }

    private static ApiKeyState toState(Row row) {
        String json = row.getString("state_json");
        if (json != null) {
            return StateJson.read(json, ApiKeyState.class, row.getString("key_id"));
        }
        // Rows written before the state column: the first release's attributes only.
        return new ApiKeyState(
                row.getString("key_id"),
                row.getString("tenant_id"),
                row.getString("name"),
                row.getString("masked_key"),
                row.getString("key_hash"),
                Arrays.asList(row.getArrayOfStrings("scopes")),
                ApiKeyStatus.valueOf(row.getString("status")),
                instant(row, "created_at"),
                instant(row, "expires_at"),
                instant(row, "revoked_at"),
                row.getString("revocation_reason"));
    }
}
