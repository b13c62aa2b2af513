package io.keygate.token.identity.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * A user's secrets, in no event: password hash, sealed TOTP secrets, last accepted TOTP step, invitation hash and
 * recovery-code hashes. Written in the transaction of the user event they belong with.
 */
@ApplicationScoped
public class UserCredentialStore {

    private final Pool pool;

    UserCredentialStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * What is stored for a user.
     *
     * @param passwordHash      Argon2id PHC string; null before the invitation is accepted
     * @param totpSecret        sealed TOTP secret; null if not enrolled
     * @param totpPendingSecret sealed secret of an enrolment not yet confirmed
     * @param totpLastStep      step of the last accepted code; null if none
     */
    public record StoredCredentials(
            String userId, String passwordHash, byte[] totpSecret, byte[] totpPendingSecret, Long totpLastStep) {

        @Override
        public String toString() {
            return "StoredCredentials[" + userId + "]";
        }
    }

    /** Creates the row of a new user with its invitation hash (or, for the bootstrap admin, its password hash). */
    public Uni<Void> create(SqlConnection tx, String userId, String invitationHash, String passwordHash) {
        return tx.preparedQuery("""
                        INSERT INTO user_credential (user_id, invitation_hash, password_hash) VALUES ($1, $2, $3)""")
                .execute(Tuple.of(userId, invitationHash, passwordHash))
                .replaceWithVoid();
    }

    /** The user whose invitation has this hash, or null. */
    public Uni<String> userOfInvitation(String invitationHash) {
        return pool.preparedQuery("SELECT user_id FROM user_credential WHERE invitation_hash = $1")
                .execute(Tuple.of(invitationHash))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("user_id"));
    }

    /** The stored credentials of a user, or null. */
    public Uni<StoredCredentials> find(String userId) {
        return find(pool, userId);
    }

    /** The same, read in {@code tx}. */
    public Uni<StoredCredentials> find(SqlClient client, String userId) {
        return client.preparedQuery("""
                        SELECT user_id, password_hash, totp_secret, totp_pending_secret, totp_last_step
                        FROM user_credential WHERE user_id = $1""")
                .execute(Tuple.of(userId))
                .map(rows ->
                        rows.size() == 0 ? null : toCredentials(rows.iterator().next()));
    }

    /** Sets the password and consumes the invitation; fails the transaction if the invitation was consumed meanwhile. */
    public Uni<Void> acceptInvitation(SqlConnection tx, String userId, String invitationHash, String passwordHash) {
        return tx.preparedQuery("""
                        UPDATE user_credential SET password_hash = $3, invitation_hash = NULL
                        WHERE user_id = $1 AND invitation_hash = $2""")
                .execute(Tuple.of(userId, invitationHash, passwordHash))
                .invoke(rows -> {
                    if (rows.rowCount() != 1) {
                        throw new IllegalStateException("Invitation of " + userId + " was used concurrently");
                    }
                })
                .replaceWithVoid();
    }

    /** Replaces the password hash. */
    public Uni<Void> setPassword(SqlConnection tx, String userId, String passwordHash) {
        return tx.preparedQuery("UPDATE user_credential SET password_hash = $2 WHERE user_id = $1")
                .execute(Tuple.of(userId, passwordHash))
                .replaceWithVoid();
    }

    /** Keeps a sealed secret for an enrolment until it is confirmed (a new start replaces it). */
    public Uni<Void> setPendingTotp(String userId, byte[] sealed) {
        return pool.preparedQuery("UPDATE user_credential SET totp_pending_secret = $2 WHERE user_id = $1")
                .execute(Tuple.of(userId, io.vertx.core.buffer.Buffer.buffer(sealed)))
                .replaceWithVoid();
    }

    /** Makes the pending secret the user's TOTP secret, with the confirming code's step as the last accepted. */
    public Uni<Void> confirmTotp(SqlConnection tx, String userId, long acceptedStep) {
        return tx.preparedQuery("""
                        UPDATE user_credential SET totp_secret = totp_pending_secret, totp_pending_secret = NULL,
                            totp_last_step = $2
                        WHERE user_id = $1 AND totp_pending_secret IS NOT NULL""")
                .execute(Tuple.of(userId, acceptedStep))
                .invoke(rows -> {
                    if (rows.rowCount() != 1) {
                        throw new IllegalStateException("No TOTP enrolment of " + userId + " to confirm");
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Records that the code of {@code step} was accepted, if no code of that step or a later one was: true if this
     * call did (so of two logins racing with one code, exactly one gets true).
     */
    public Uni<Boolean> acceptTotpStep(String userId, long step) {
        return pool.preparedQuery("""
                        UPDATE user_credential SET totp_last_step = $2
                        WHERE user_id = $1 AND totp_secret IS NOT NULL
                            AND (totp_last_step IS NULL OR totp_last_step < $2)""").execute(Tuple.of(userId, step)).map(rows -> rows.rowCount() == 1);
    }

    /** Replaces all recovery codes of the user by these hashes. */
    public Uni<Void> replaceRecoveryCodes(SqlConnection tx, String userId, List<String> codeHashes) {
        List<Tuple> rows = new ArrayList<>();
        codeHashes.forEach(hash -> rows.add(Tuple.of(userId, hash)));
        return tx.preparedQuery("DELETE FROM user_recovery_code WHERE user_id = $1")
                .execute(Tuple.of(userId))
                .chain(() -> tx.preparedQuery("INSERT INTO user_recovery_code (user_id, code_hash) VALUES ($1, $2)")
                        .executeBatch(rows))
                .replaceWithVoid();
    }

    /**
     * Uses up a recovery code: the number of codes left if it was an unused code of the user (this call deleted it),
     * or -1 if not.
     */
    public Uni<Integer> useRecoveryCode(SqlConnection tx, String userId, String codeHash) {
        return tx.preparedQuery("DELETE FROM user_recovery_code WHERE user_id = $1 AND code_hash = $2")
                .execute(Tuple.of(userId, codeHash))
                .chain(deleted -> deleted.rowCount() != 1
                        ? Uni.createFrom().item(-1)
                        : tx.preparedQuery("SELECT count(*) AS left_over FROM user_recovery_code WHERE user_id = $1")
                                .execute(Tuple.of(userId))
                                .map(rows -> rows.iterator().next().getInteger("left_over")));
    }

    /** Whether there is any user at all (the first start bootstraps an admin when there is none). */
    public Uni<Boolean> anyUser(SqlConnection tx) {
        return tx.query("SELECT EXISTS (SELECT 1 FROM user_credential) AS any_user")
                .execute()
                .map(rows -> rows.iterator().next().getBoolean("any_user"));
    }

    private static StoredCredentials toCredentials(Row row) {
        return new StoredCredentials(
                row.getString("user_id"),
                row.getString("password_hash"),
                bytes(row, "totp_secret"),
                bytes(row, "totp_pending_secret"),
                row.getLong("totp_last_step"));
    }

    private static byte[] bytes(Row row, String column) {
        var buffer = row.getBuffer(column);
        return buffer == null ? null : buffer.getBytes();
    }
}
