package io.keygate.token.identity.store;

import static io.keygate.token.store.SqlTimestamps.utc;

import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.identity.SessionEvent;
import io.keygate.events.identity.SessionState;
import io.keygate.eventstore.RebuildableProjection;
import io.keygate.token.identity.session.Session;
import io.keygate.token.store.StateJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The {@code user_session} read model (refresh tokens are in {@link RefreshTokenStore}, not here). */
@ApplicationScoped
public class SessionProjection implements RebuildableProjection {

    private final Pool pool;

    SessionProjection(Pool pool) {
        this.pool = pool;
    }

    /** A live session with the version its state has, as locked for an update. */
    public record LiveSession(SessionState state, long version) {}

    @Override
    public String name() {
        return "user_session";
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(Session.AGGREGATE_TYPE);
    }

    @Override
    public List<String> tables() {
        return List.of("user_session");
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx, String sessionId, List<EventEnvelope<KeygateEvent>> events) {
        SessionState state = Session.DECIDER.replay(
                events.stream().map(e -> (SessionEvent) e.data()).toList());
        return upsert(tx, state, events.get(events.size() - 1).sequence());
    }

    /** Writes a session's state, in the caller's transaction. */
    public Uni<Void> upsert(SqlConnection tx, SessionState session, long version) {
        return tx.preparedQuery("""
                        INSERT INTO user_session (session_id, user_id, tenant_id, status, expires_at, last_refreshed_at,
                            version, state)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, ($8::text)::jsonb)
                        ON CONFLICT (session_id) DO UPDATE SET status = $4, last_refreshed_at = $6, version = $7,
                            state = ($8::text)::jsonb""")
                .execute(Tuple.tuple()
                        .addString(session.sessionId())
                        .addString(session.userId())
                        .addString(session.tenantId())
                        .addString(session.status().name())
                        .addOffsetDateTime(utc(session.expiresAt()))
                        .addOffsetDateTime(utc(session.lastRefreshedAt()))
                        .addLong(version)
                        .addString(StateJson.write(session)))
                .replaceWithVoid();
    }

    /** A session, or null. */
    public Uni<SessionState> find(String sessionId) {
        return pool.preparedQuery(
                        "SELECT session_id, state::text AS state_json FROM user_session WHERE session_id = $1")
                .execute(Tuple.of(sessionId))
                .map(rows -> rows.size() == 0 ? null : toState(rows.iterator().next()));
    }

    /**
     * The user's active sessions, locked until {@code tx} ends, so none can be refreshed (or started: a login takes
     * the user row's lock too) between reading them and appending their endings.
     */
    public Uni<List<LiveSession>> lockLive(SqlConnection tx, String userId) {
        return tx.preparedQuery("""
                        SELECT session_id, version, state::text AS state_json FROM user_session
                        WHERE user_id = $1 AND status = 'ACTIVE' ORDER BY session_id FOR UPDATE""").execute(Tuple.of(userId)).map(rows -> {
            List<LiveSession> live = new ArrayList<>();
            rows.forEach(row -> live.add(new LiveSession(toState(row), row.getLong("version"))));
            return live;
        });
    }

    private static SessionState toState(Row row) {
        return StateJson.read(row.getString("state_json"), SessionState.class, row.getString("session_id"));
    }
}
