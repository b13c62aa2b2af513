package io.keygate.token.identity.store;

import static io.keygate.token.store.SqlTimestamps.utc;

import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.identity.UserEvent;
import io.keygate.events.identity.UserState;
import io.keygate.events.identity.UserStatus;
import io.keygate.eventstore.RebuildableProjection;
import io.keygate.token.identity.IdentityRejectedException;
import io.keygate.token.identity.IdentityRejection;
import io.keygate.token.identity.user.User;
import io.keygate.token.store.StateJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code user_account} read model: written in the command's transaction, read by the REST API and logins. */
@ApplicationScoped
public class UserProjection implements RebuildableProjection {

    private static final String EMAIL_TAKEN = "user_account_email_live";

    private final Pool pool;

    UserProjection(Pool pool) {
        this.pool = pool;
    }

    @Override
    public String name() {
        return "user_account";
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(User.AGGREGATE_TYPE);
    }

    @Override
    public List<String> tables() {
        return List.of("user_account");
    }

    @Override
    public Uni<Void> rebuild(SqlConnection tx, String userId, List<EventEnvelope<KeygateEvent>> events) {
        UserState state = User.DECIDER.replay(
                events.stream().map(e -> (UserEvent) e.data()).toList());
        return upsert(tx, state, events.get(events.size() - 1).sequence());
    }

    /**
     * Writes a user's state, in the caller's transaction; fails with a 409 rejection if another live user has the
     * e-mail address (the partial unique index decides, so two invitations racing cannot both win).
     */
    public Uni<Void> upsert(SqlConnection tx, UserState user, long version) {
        return tx.preparedQuery("""
                        INSERT INTO user_account (user_id, tenant_id, email, status, platform_admin, created_at, version,
                            state)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, ($8::text)::jsonb)
                        ON CONFLICT (user_id) DO UPDATE SET status = $4, version = $7, state = ($8::text)::jsonb""")
                .execute(Tuple.tuple()
                        .addString(user.userId())
                        .addString(user.tenantId())
                        .addString(user.email())
                        .addString(user.status().name())
                        .addBoolean(user.platformAdmin())
                        .addOffsetDateTime(utc(user.createdAt()))
                        .addLong(version)
                        .addString(StateJson.write(user)))
                .onFailure(UserProjection::isEmailTaken)
                .transform(e -> new IdentityRejectedException(
                        new IdentityRejection.Conflict("A user with this e-mail address exists already")))
                .replaceWithVoid();
    }

    /**
     * A user's status read with a share lock held until {@code tx} ends (null if there is no such user): a session
     * started this way cannot slip past a concurrent disabling, which updates the row and so waits, or went first.
     */
    public Uni<UserStatus> lockStatus(SqlConnection tx, String userId) {
        return tx.preparedQuery("SELECT status FROM user_account WHERE user_id = $1 FOR SHARE")
                .execute(Tuple.of(userId))
                .map(rows -> rows.size() == 0
                        ? null
                        : UserStatus.valueOf(rows.iterator().next().getString("status")));
    }

    /** A user by id (any status), or null. */
    public Uni<UserState> find(String userId) {
        return pool.preparedQuery("SELECT user_id, state::text AS state_json FROM user_account WHERE user_id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> rows.size() == 0 ? null : toState(rows.iterator().next()));
    }

    /** The live (not deleted) user with this lower-cased e-mail address, or null. */
    /** The users with these ids, by id; ids of no user are absent. One query, whatever the number of ids. */
    public Uni<Map<String, UserState>> findAll(Collection<String> userIds) {
        return pool.preparedQuery("SELECT user_id, state::text AS state_json FROM user_account WHERE user_id = ANY($1)")
                .execute(Tuple.of(userIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, UserState> users = new HashMap<>();
                    rows.forEach(row -> users.put(row.getString("user_id"), toState(row)));
                    return users;
                });
    }

    public Uni<UserState> findByEmail(String email) {
        return pool.preparedQuery("""
                        SELECT user_id, state::text AS state_json FROM user_account
                        WHERE email = $1 AND status <> 'DELETED'""")
                .execute(Tuple.of(email))
                .map(rows -> rows.size() == 0 ? null : toState(rows.iterator().next()));
    }

    /** A tenant's users that are not deleted, oldest first. */
    public Uni<List<UserState>> list(String tenantId, int limit) {
        return pool.preparedQuery("""
                        SELECT user_id, state::text AS state_json FROM user_account
                        WHERE tenant_id = $1 AND status <> 'DELETED' ORDER BY created_at, user_id LIMIT $2""").execute(Tuple.of(tenantId, limit)).map(rows -> {
            List<UserState> users = new ArrayList<>();
            rows.forEach(row -> users.add(toState(row)));
            return users;
        });
    }

    private static boolean isEmailTaken(Throwable failure) {
        return failure instanceof PgException pg
                && "23505".equals(pg.getSqlState())
                && EMAIL_TAKEN.equals(pg.getConstraint());
    }

    private static UserState toState(Row row) {
        return StateJson.read(row.getString("state_json"), UserState.class, row.getString("user_id"));
    }
}
