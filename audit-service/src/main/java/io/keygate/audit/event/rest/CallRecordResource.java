package io.keygate.audit.event.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keygate.audit.event.AuditQuery;
import io.keygate.audit.event.CallRecordRow;
import io.keygate.audit.event.store.TrailReader;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;

/** The gateways' call records, kept apart from admin activity and for a shorter time. */
@Path("/audit/calls")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Call records")
public class CallRecordResource {

    private static final List<String> CSV_HEADER = List.of(
            "id",
            "time",
            "tenantId",
            "keyId",
            "routeId",
            "gatewayId",
            "requestId",
            "method",
            "path",
            "status",
            "outcome",
            "clientIp",
            "durationMicros",
            "bytesIn",
            "bytesOut");

    private final TrailReader reader;
    private final ObjectMapper json;

    CallRecordResource(TrailReader reader, ObjectMapper json) {
        this.reader = reader;
        this.json = json;
    }

    @GET
    @Operation(
            summary = "List call records",
            description = "Oldest first, in the stable order (time, id). Follow nextCursor with the same filters.")
    public Uni<AuditPageView<CallRecordRow>> list(
            @Parameter(description = "Only this tenant's calls") @QueryParam("tenantId") String tenantId,
            @Parameter(description = "Only calls with this credential") @QueryParam("keyId") String keyId,
            @Parameter(description = "Only calls to this route") @QueryParam("routeId") String routeId,
            @Parameter(description = "Only this gateway outcome, e.g. REVOKED_KEY") @QueryParam("outcome")
                    String outcome,
            @Parameter(description = "Only calls from this client address") @QueryParam("clientIp") String clientIp,
            @Parameter(description = "Only calls answered with this status") @QueryParam("status") String status,
            @Parameter(description = "Calls at or after this ISO-8601 instant") @QueryParam("from") String from,
            @Parameter(description = "Calls before this ISO-8601 instant") @QueryParam("to") String to,
            @BeanParam PageParameters page) {
        AuditQuery query = query(tenantId, keyId, routeId, outcome, clientIp, status, from, to)
                .limit(page.limit)
                .after(page.after)
                .build();
        return reader.calls(query)
                .map(result -> new AuditPageView<>(
                        result.items(),
                        result.next() == null ? null : result.next().encode()));
    }

    @GET
    @Path("/export")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(
            summary = "Export call records",
            description = "Every call record matching the filters, oldest first, streamed as JSON Lines or CSV.")
    public RestMulti<String> export(
            @QueryParam("format") @Parameter(description = "jsonl (default) or csv") String format,
            @QueryParam("tenantId") String tenantId,
            @QueryParam("keyId") String keyId,
            @QueryParam("routeId") String routeId,
            @QueryParam("outcome") String outcome,
            @QueryParam("clientIp") String clientIp,
            @QueryParam("status") String status,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        boolean csv = Export.csv(format);
        AuditQuery query = query(tenantId, keyId, routeId, outcome, clientIp, status, from, to)
                .build();
        return Export.of(
                reader.exportCalls(query),
                csv,
                "call-records",
                CSV_HEADER,
                c -> Arrays.asList(
                        c.eventId(),
                        c.occurredAt(),
                        c.tenantId(),
                        c.keyId(),
                        c.routeId(),
                        c.gatewayId(),
                        c.requestId(),
                        c.method(),
                        c.path(),
                        c.status(),
                        c.outcome(),
                        c.clientIp(),
                        c.durationMicros(),
                        c.bytesIn(),
                        c.bytesOut()),
                value -> Export.json(json, value));
    }

    private static AuditQuery.Builder query(
            String tenantId,
            String keyId,
            String routeId,
            String outcome,
            String clientIp,
            String status,
            String from,
            String to) {
        return AuditQuery.builder()
                .text("tenantId", "tenant_id", tenantId)
                .text("keyId", "key_id", keyId)
                .text("routeId", "route_id", routeId)
                .text("outcome", "outcome", outcome)
                .text("clientIp", "client_ip", clientIp)
                .integer("status", "status", status, 100, 599)
                .range(from, to);
    }
}
