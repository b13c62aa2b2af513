package io.keygate.token.identity.store;

import static io.keygate.token.store.SqlTimestamps.instant;
import static io.keygate.token.store.SqlTimestamps.utc;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Passkeys (WebAuthn credentials) of users and the challenges of registrations in progress. Rows are written in the
 * transaction of the user event they belong with; the signature counter only moves forward.
 */
@ApplicationScoped
public class PasskeyStore {

    private static final String COLUMNS =
            "passkey_id, user_id, credential_id, public_key, algorithm, sign_count, aaguid, name, created_at, last_used_at";

    private final Pool pool;

    PasskeyStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * A stored passkey.
     *
     * @param credentialId base64url credential id, as the authenticator reports it
     * @param publicKey    X.509 SubjectPublicKeyInfo of the credential's public key
     * @param algorithm    COSE algorithm identifier (-7 = ES256, …)
     * @param signCount    the highest signature counter accepted so far
     * @param lastUsedAt   when it last completed a login; null if never
     */
    public record StoredPasskey(
            String passkeyId,
            String userId,
            String credentialId,
            byte[] publicKey,
            long algorithm,
            long signCount,
            UUID aaguid,
            String name,
            Instant createdAt,
            Instant lastUsedAt) {

        @Override
        public String toString() {
            return "StoredPasskey[" + passkeyId + "]";
        }
    }

    /** Stores a new passkey; fails the transaction if its credential id is registered already. */
    public Uni<Void> add(SqlConnection tx, StoredPasskey passkey) {
        return tx.preparedQuery("""
                        INSERT INTO user_passkey (passkey_id, user_id, credential_id, public_key, algorithm, sign_count,
                            aaguid, name, created_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""")
                .execute(Tuple.from(List.of(
                        passkey.passkeyId(),
                        passkey.userId(),
                        passkey.credentialId(),
                        Buffer.buffer(passkey.publicKey()),
                        passkey.algorithm(),
                        passkey.signCount(),
                        passkey.aaguid(),
                        passkey.name(),
                        utc(passkey.createdAt()))))
                .replaceWithVoid();
    }

    /** Deletes a passkey of the user: true if this call did. */
    public Uni<Boolean> remove(SqlConnection tx, String userId, String passkeyId) {
        return tx.preparedQuery("DELETE FROM user_passkey WHERE passkey_id = $1 AND user_id = $2")
                .execute(Tuple.of(passkeyId, userId))
                .map(rows -> rows.rowCount() == 1);
    }

    /** The user's passkeys, oldest first. */
    public Uni<List<StoredPasskey>> ofUser(String userId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM user_passkey WHERE user_id = $1 ORDER BY created_at")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    List<StoredPasskey> passkeys = new ArrayList<>();
                    rows.forEach(row -> passkeys.add(toPasskey(row)));
                    return passkeys;
                });
    }

    /** A passkey of the user, or null. */
    public Uni<StoredPasskey> find(String userId, String passkeyId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM user_passkey WHERE passkey_id = $1 AND user_id = $2")
                .execute(Tuple.of(passkeyId, userId))
                .map(rows -> rows.size() == 0 ? null : toPasskey(rows.iterator().next()));
    }

    /** The passkey with this credential id, whoever's it is, or null. */
    public Uni<StoredPasskey> findByCredentialId(String credentialId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM user_passkey WHERE credential_id = $1")
                .execute(Tuple.of(credentialId))
                .map(rows -> rows.size() == 0 ? null : toPasskey(rows.iterator().next()));
    }

    /**
     * Records a login with the passkey if its signature counter moved forward (or it is an authenticator that keeps
     * none: 0 then and before): true if this call did. So of two assertions with one counter value (a replay, or a
     * cloned authenticator) at most one is accepted.
     */
    public Uni<Boolean> acceptSignCount(String credentialId, long signCount, Instant at) {
        return pool.preparedQuery("""
                        UPDATE user_passkey SET sign_count = $2, last_used_at = $3
                        WHERE credential_id = $1 AND (sign_count < $2 OR (sign_count = 0 AND $2 = 0))""")
                .execute(Tuple.of(credentialId, signCount, utc(at)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Starts (or restarts) a registration of the user with a new WebAuthn challenge. */
    public Uni<Void> startRegistration(String userId, String challenge, Instant expiresAt) {
        return pool.preparedQuery("""
                        INSERT INTO passkey_registration (user_id, challenge, expires_at) VALUES ($1, $2, $3)
                        ON CONFLICT (user_id) DO UPDATE SET challenge = EXCLUDED.challenge, expires_at = EXCLUDED.expires_at""")
                .execute(Tuple.of(userId, challenge, utc(expiresAt)))
                .replaceWithVoid();
    }

    /** Takes the user's registration challenge (deleting it, so it is used once): null if none is live. */
    public Uni<String> takeRegistrationChallenge(String userId, Instant now) {
        return pool.preparedQuery("DELETE FROM passkey_registration WHERE user_id = $1 RETURNING challenge, expires_at")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return instant(row, "expires_at").isAfter(now) ? row.getString("challenge") : null;
                });
    }

    private static StoredPasskey toPasskey(Row row) {
        return new StoredPasskey(
                row.getString("passkey_id"),
                row.getString("user_id"),
                row.getString("credential_id"),
                row.getBuffer("public_key").getBytes(),
                row.getLong("algorithm"),
                row.getLong("sign_count"),
                row.getUUID("aaguid"),
                row.getString("name"),
                instant(row, "created_at"),
                instant(row, "last_used_at"));
    }
}
