package io.keygate.audit.event.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keygate.audit.event.AuditEventNotFoundException;
import io.keygate.audit.event.AuditQuery;
import io.keygate.audit.event.InvalidParameterException;
import io.keygate.audit.event.store.AuditEventStore;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail: every event of every Keygate topic, read-only. */
@Path("/audit/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit trail")
public class AuditEventResource {

    private final AuditEventStore store;
    private final ObjectMapper json;

    AuditEventResource(AuditEventStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @GET
    @Operation(
            summary = "List events",
            description = "Oldest first, in the stable order (time, id). Follow nextCursor "
                    + "with the same filters to read the next page; it is null on the last page.")
    public Uni<AuditPageView> list(
            @Parameter(description = "Only this tenant's events") @QueryParam("tenantId") String tenantId,
            @Parameter(description = "Only this CloudEvents type, e.g. io.keygate.apikey.revoked.v1")
                    @QueryParam("type")
                    String type,
            @Parameter(description = "Only events of this aggregate (CloudEvents subject)") @QueryParam("subject")
                    String subject,
            @Parameter(description = "Events at or after this ISO-8601 instant") @QueryParam("from") String from,
            @Parameter(description = "Events before this ISO-8601 instant") @QueryParam("to") String to,
            @Parameter(
                            description = "Page size",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "500",
                                            defaultValue = "100"))
                    @QueryParam("limit")
                    String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("after") String after) {
        AuditQuery query = AuditQuery.parse(tenantId, type, subject, from, to, limit, after);
        return store.page(query).map(page -> AuditPageView.of(page, json));
    }

    @GET
    @Path("/{eventId}")
    @Operation(summary = "Read one event by its CloudEvents id")
    public Uni<AuditEventView> get(@PathParam("eventId") String eventId) {
        UUID id = eventId(eventId);
        return store.find(id).map(event -> {
            if (event == null) {
                throw new AuditEventNotFoundException(id);
            }
            return AuditEventView.of(event, json);
        });
    }

    private static UUID eventId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("eventId", "must be a UUID");
        }
    }
}
