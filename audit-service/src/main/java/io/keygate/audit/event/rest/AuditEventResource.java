package io.keygate.audit.event.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keygate.audit.event.AuditEvent;
import io.keygate.audit.event.AuditEventNotFoundException;
import io.keygate.audit.event.AuditQuery;
import io.keygate.audit.event.InvalidParameterException;
import io.keygate.audit.event.store.TrailReader;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;

/** The audit trail of admin activity: every event of every Keygate topic but call records, read-only. */
@Path("/audit/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit trail")
public class AuditEventResource {

    private static final List<String> CSV_HEADER = List.of(
            "id",
            "time",
            "tenantId",
            "actor",
            "action",
            "target",
            "outcome",
            "clientIp",
            "type",
            "source",
            "sequence",
            "correlationId",
            "causationId",
            "topic",
            "chain",
            "chainSequence",
            "entryHash",
            "data");

    private final TrailReader reader;
    private final ObjectMapper json;

    AuditEventResource(TrailReader reader, ObjectMapper json) {
        this.reader = reader;
        this.json = json;
    }

    @GET
    @Operation(
            summary = "List audit entries",
            description = "Oldest first, in the stable order (time, id). Follow nextCursor "
                    + "with the same filters to read the next page; it is null on the last page.")
    public Uni<AuditPageView<AuditEventView>> list(
            @Parameter(description = "Only this tenant's entries") @QueryParam("tenantId") String tenantId,
            @Parameter(description = "Only what this actor did, e.g. user:u_1") @QueryParam("actor") String actor,
            @Parameter(description = "Only this action, e.g. apikey.revoked") @QueryParam("action") String action,
            @Parameter(description = "Only this CloudEvents type, e.g. io.keygate.apikey.revoked.v1")
                    @QueryParam("type")
                    String type,
            @Parameter(description = "Only entries about this target (aggregate id)") @QueryParam("target")
                    String target,
            @Parameter(description = "Only this outcome, e.g. success or failure") @QueryParam("outcome")
                    String outcome,
            @Parameter(description = "Only entries from this client address") @QueryParam("clientIp") String clientIp,
            @Parameter(description = "Entries at or after this ISO-8601 instant") @QueryParam("from") String from,
            @Parameter(description = "Entries before this ISO-8601 instant") @QueryParam("to") String to,
            @BeanParam PageParameters page) {
        AuditQuery query = query(tenantId, actor, action, type, target, outcome, clientIp, from, to)
                .limit(page.limit)
                .after(page.after)
                .build();
        return reader.entries(query)
                .map(result -> new AuditPageView<>(
                        result.items().stream()
                                .map(e -> AuditEventView.of(e, json))
                                .toList(),
                        result.next() == null ? null : result.next().encode()));
    }

    @GET
    @Path("/export")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(
            summary = "Export audit entries",
            description = "Every entry matching the filters, oldest first, streamed as JSON Lines (one entry as in"
                    + " the list per line) or CSV.")
    public RestMulti<String> export(
            @QueryParam("format") @Parameter(description = "jsonl (default) or csv") String format,
            @QueryParam("tenantId") String tenantId,
            @QueryParam("actor") String actor,
            @QueryParam("action") String action,
            @QueryParam("type") String type,
            @QueryParam("target") String target,
            @QueryParam("outcome") String outcome,
            @QueryParam("clientIp") String clientIp,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        boolean csv = Export.csv(format);
        AuditQuery query = query(tenantId, actor, action, type, target, outcome, clientIp, from, to)
                .build();
        return Export.of(
                reader.exportEntries(query),
                csv,
                "audit-entries",
                CSV_HEADER,
                AuditEventResource::cells,
                e -> Export.json(json, AuditEventView.of(e, json)));
    }

    @GET
    @Path("/{eventId}")
    @Operation(
            summary = "Read one audit entry by its CloudEvents id",
            description =
                    "With tenantId, an entry of another tenant is not found: tenant members must name their tenant.")
    public Uni<AuditEventView> get(@PathParam("eventId") String eventId, @QueryParam("tenantId") String tenantId) {
        UUID id = eventId(eventId);
        return reader.entry(id).map(event -> {
            if (event == null || (tenantId != null && !tenantId.equals(event.tenantId()))) {
                throw new AuditEventNotFoundException(id);
            }
            return AuditEventView.of(event, json);
        });
    }

    private static AuditQuery.Builder query(
            String tenantId,
            String actor,
            String action,
            String type,
            String target,
            String outcome,
            String clientIp,
            String from,
            String to) {
        return AuditQuery.builder()
                .text("tenantId", "tenant_id", tenantId)
                .text("actor", "actor", actor)
                .text("action", "action", action)
                .text("type", "type", type)
                .text("target", "target", target)
                .text("outcome", "outcome", outcome)
                .text("clientIp", "client_ip", clientIp)
                .range(from, to);
    }

    private static List<Object> cells(AuditEvent e) {
        return Arrays.asList(
                e.eventId(),
                e.occurredAt(),
                e.tenantId(),
                e.actor(),
                e.action(),
                e.target(),
                e.outcome(),
                e.clientIp(),
                e.type(),
                e.source(),
                e.sequence(),
                e.correlationId(),
                e.causationId(),
                e.topic(),
                e.link().chain(),
                e.link().sequence(),
                e.link().entryHash(),
                e.data());
    }

    private static UUID eventId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("eventId", "must be a UUID");
        }
    }
}
