package io.keygate.audit.event.rest;

import io.keygate.audit.event.AuditQuery;
import io.keygate.audit.event.InvalidParameterException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Records the trail could not read, kept whole so an operator can see, fix and replay them. */
@Path("/audit/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters")
public class DeadLetterResource {

    private final Pool pool;

    DeadLetterResource(Pool pool) {
        this.pool = pool;
    }

    /**
     * A dead letter as the API shows it.
     *
     * @param topic      where it was read
     * @param partition  its partition
     * @param offset     its offset
     * @param reason     why it could not be stored
     * @param recordTime the Kafka record time
     * @param recordedAt when audit kept it
     * @param key        the record key, base64
     * @param value      the record value, base64
     * @param headers    the headers: name and base64 value
     */
    public record DeadLetterView(
            String topic,
            int partition,
            long offset,
            String reason,
            Instant recordTime,
            Instant recordedAt,
            String key,
            String value,
            Object headers) {}

    /**
     * A page of dead letters.
     *
     * @param items newest first
     */
    public record DeadLetterPage(List<DeadLetterView> items) {}

    @GET
    @Operation(summary = "The newest dead letters, with their raw bytes (base64)")
    public Uni<DeadLetterPage> list(
            @Parameter(description = "Only those read from this topic") @QueryParam("topic") String topic,
            @Parameter(description = "How many, 1 to 500 (default 100)") @QueryParam("limit") String limit) {
        if (topic != null && (topic.isBlank() || topic.length() > 249)) {
            throw new InvalidParameterException("topic", "must be a Kafka topic name");
        }
        int size = AuditQuery.builder().limit(limit).build().limit();
        return pool.preparedQuery("SELECT topic, partition, \"offset\", reason, record_time, recorded_at,"
                        + " encode(record_key, 'base64') AS k, encode(record_value, 'base64') AS v, headers::text AS h"
                        + " FROM audit_dead_letter WHERE ($1::text IS NULL OR topic = $1)"
                        + " ORDER BY recorded_at DESC, topic, partition, \"offset\" DESC LIMIT $2")
                .execute(Tuple.of(topic, size))
                .map(rows -> {
                    List<DeadLetterView> items = new ArrayList<>();
                    for (Row row : rows) {
                        items.add(new DeadLetterView(
                                row.getString("topic"),
                                row.getInteger("partition"),
                                row.getLong("offset"),
                                row.getString("reason"),
                                row.getOffsetDateTime("record_time") == null
                                        ? null
                                        : row.getOffsetDateTime("record_time").toInstant(),
                                row.getOffsetDateTime("recorded_at").toInstant(),
                                unwrap(row.getString("k")),
                                unwrap(row.getString("v")),
                                new JsonArray(row.getString("h")).getList()));
                    }
                    return new DeadLetterPage(items);
                });
    }

    /** PostgreSQL's base64 breaks lines every 76 characters; the API gives one line. */
    private static String unwrap(String base64) {
        return base64 == null
                ? null
                : Base64.getEncoder().encodeToString(Base64.getMimeDecoder().decode(base64));
    }
}
