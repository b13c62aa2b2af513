package io.keygate.policy.api.store;

import io.keygate.policy.api.OpenApiDocument;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Uploaded OpenAPI documents, stored by content (SHA-256) in PostgreSQL. The events carry only the digest: a
 * document of up to 1 MiB would exceed Kafka's default record size, be copied to every consumer of the
 * compacted policies topic (gateways included, which never need it) and bloat the event store.
 */
@ApplicationScoped
public class OpenApiDocumentStore {

    private final Pool pool;

    OpenApiDocumentStore(Pool pool) {
        this.pool = pool;
    }

    /** Stores a document in the caller's transaction; the same content stored twice is one row. */
    public Uni<Void> store(SqlConnection tx, OpenApiDocument document) {
        return tx.preparedQuery("""
                        INSERT INTO openapi_document (sha256, content_type, size_bytes, body) VALUES ($1, $2, $3, $4)
                        ON CONFLICT (sha256) DO NOTHING""")
                .execute(Tuple.of(
                        document.reference().sha256(),
                        document.contentType(),
                        document.bytes().length,
                        io.vertx.core.buffer.Buffer.buffer(document.bytes())))
                .replaceWithVoid();
    }

    /** A stored document's bytes and content type, or null. */
    public Uni<StoredDocument> find(String sha256) {
        return pool.preparedQuery("SELECT content_type, body FROM openapi_document WHERE sha256 = $1")
                .execute(Tuple.of(sha256))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    var row = rows.iterator().next();
                    return new StoredDocument(
                            row.getString("content_type"), row.getBuffer("body").getBytes());
                });
    }

    /**
     * A document as stored.
     *
     * @param contentType its media type
     * @param body        its bytes as uploaded
     */
    public record StoredDocument(String contentType, byte[] body) {}
}
