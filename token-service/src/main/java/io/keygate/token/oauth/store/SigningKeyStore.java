package io.keygate.token.oauth.store;

import static io.keygate.token.oauth.store.OAuthClientProjection.instant;
import static io.keygate.token.oauth.store.OAuthClientProjection.utc;

import io.keygate.events.signing.PublicJwk;
import io.keygate.token.oauth.SigningKey;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The {@code oauth_signing_key} table: each key's lifecycle and its sealed private half. The only place
 * a private key is stored; nothing here is ever published.
 */
@ApplicationScoped
public class SigningKeyStore {

    private final Pool pool;

    SigningKeyStore(Pool pool) {
        this.pool = pool;
    }

    /** Records a newly published key, in the transaction that appends its published event. */
    public Uni<Void> insert(SqlConnection tx, SigningKey key, byte[] sealedPrivateKey) {
        return tx.preparedQuery("""
                        INSERT INTO oauth_signing_key (key_id, public_jwk, private_key, published_at, version)
                        VALUES ($1, $2, $3, $4, 1)""")
                .execute(Tuple.of(
                        key.keyId(),
                        JsonObject.mapFrom(key.publicKey()),
                        io.vertx.core.buffer.Buffer.buffer(sealedPrivateKey),
                        utc(key.publishedAt())))
                .replaceWithVoid();
    }

    /** Whether the outbox still holds the event (the relay deletes it once Kafka acknowledged it). */
    public Uni<Boolean> isAwaitingPublication(UUID eventId) {
        return pool.preparedQuery("SELECT 1 FROM event_outbox WHERE event_id = $1")
                .execute(Tuple.of(eventId))
                .map(rows -> rows.size() > 0);
    }

    /** Makes {@code keyId} the signing key from {@code at}; the keys it replaces stop signing. */
    public Uni<Void> activate(String keyId, Instant at) {
        return pool.withTransaction(tx -> tx.preparedQuery("""
                        UPDATE oauth_signing_key SET superseded_at = $2
                        WHERE activated_at IS NOT NULL AND superseded_at IS NULL AND key_id <> $1""")
                .execute(Tuple.of(keyId, utc(at)))
                .chain(() -> tx.preparedQuery("UPDATE oauth_signing_key SET activated_at = $2 WHERE key_id = $1")
                        .execute(Tuple.of(keyId, utc(at))))
                .replaceWithVoid());
    }

    /** Marks a key retired, in the transaction that appends its retired event. */
    public Uni<Void> retire(SqlConnection tx, String keyId, Instant at) {
        return tx.preparedQuery("UPDATE oauth_signing_key SET retired_at = $2, version = version + 1 WHERE key_id = $1")
                .execute(Tuple.of(keyId, utc(at)))
                .replaceWithVoid();
    }

    /** The key that signs now (the newest activated, not superseded), with its sealed private half; null if none. */
    public Uni<SealedSigningKey> signingKey() {
        return pool.query("""
                        SELECT * FROM oauth_signing_key
                        WHERE activated_at IS NOT NULL AND superseded_at IS NULL AND retired_at IS NULL
                        ORDER BY activated_at DESC LIMIT 1""")
                .execute()
                .map(rows -> rows.size() == 0 ? null : sealed(rows.iterator().next()));
    }

    /** Every key not retired yet: the JWKS. */
    public Uni<List<SigningKey>> keySet() {
        return pool.query("SELECT * FROM oauth_signing_key WHERE retired_at IS NULL ORDER BY published_at DESC")
                .execute()
                .map(SigningKeyStore::keys);
    }

    /** Superseded keys not retired yet: candidates for retirement. */
    public Uni<List<SigningKey>> superseded() {
        return pool.query("SELECT * FROM oauth_signing_key WHERE superseded_at IS NOT NULL AND retired_at IS NULL")
                .execute()
                .map(SigningKeyStore::keys);
    }

    private static List<SigningKey> keys(RowSet<Row> rows) {
        List<SigningKey> keys = new ArrayList<>();
        rows.forEach(row -> keys.add(toKey(row)));
        return keys;
    }

    private static SealedSigningKey sealed(Row row) {
        return new SealedSigningKey(toKey(row), row.getBuffer("private_key").getBytes());
    }

    private static SigningKey toKey(Row row) {
        return new SigningKey(
                row.getString("key_id"),
                row.getJsonObject("public_jwk").mapTo(PublicJwk.class),
                instant(row, "published_at"),
                instant(row, "activated_at"),
                instant(row, "superseded_at"),
                instant(row, "retired_at"));
    }
}
