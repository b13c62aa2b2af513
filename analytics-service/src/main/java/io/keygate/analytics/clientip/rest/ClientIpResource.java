package io.keygate.analytics.clientip.rest;

import io.keygate.analytics.clientip.store.ClientIpStore;
import io.keygate.analytics.clientip.store.ClientIpUsage;
import io.keygate.analytics.clientip.store.KeyAddress;
import io.keygate.analytics.config.AnalyticsConfig;
import io.keygate.analytics.report.ReportQuery;
import io.keygate.analytics.report.rest.ReportParameters;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Calls per client address, and the addresses keys were newly used from. */
@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Usage reports")
public class ClientIpResource {

    /** Calls per client address in a window. */
    public record ClientIpsView(
            String tenantId, String keyId, Instant from, Instant to, List<ClientIpUsage> addresses) {}

    /** Addresses a key was first used from in a window. */
    public record NewAddressesView(
            String tenantId, String keyId, Instant from, Instant to, List<KeyAddress> addresses) {}

    private final ClientIpStore store;
    private final AnalyticsConfig config;
    private final Clock clock = Clock.systemUTC();

    ClientIpResource(ClientIpStore store, AnalyticsConfig config) {
        this.store = store;
        this.config = config;
    }

    @GET
    @Path("/client-ips")
    @Operation(
            summary = "Calls per client address",
            description = "Of a tenant, or of one key; hours overlapping [from, to), most calls first; exact counts,"
                    + " errors and authentication failures.")
    public Uni<ClientIpsView> clientIps(
            @Parameter(description = "The tenant", required = true) @QueryParam("tenantId") String tenantId,
            @Parameter(description = "Only this key") @QueryParam("keyId") String keyId,
            @Parameter(description = "How many, 1 to 100; default 10") @QueryParam("limit") String limit,
            @Parameter(description = "Start, ISO-8601 instant; default: an hour before to") @QueryParam("from")
                    String from,
            @Parameter(description = "End (exclusive), ISO-8601 instant; default: now") @QueryParam("to") String to) {
        int n = ReportParameters.limit(limit);
        ReportQuery query =
                ReportParameters.query(config, clock.instant(), tenantId, null, keyId, null, "day", from, to);
        return store.perAddress(query, n)
                .map(addresses -> new ClientIpsView(
                        query.tenantId(),
                        query.keyId(),
                        query.window().from(),
                        query.window().to(),
                        addresses));
    }

    @GET
    @Path("/keys/{keyId}/new-ips")
    @Operation(
            summary = "Client addresses a key was first used from in a window",
            description = "Earliest first, with the first and last call and the calls so far from each.")
    public Uni<NewAddressesView> newAddresses(
            @PathParam("keyId") String keyId,
            @Parameter(description = "The key's tenant", required = true) @QueryParam("tenantId") String tenantId,
            @Parameter(description = "How many, 1 to 100; default 10") @QueryParam("limit") String limit,
            @Parameter(description = "Start, ISO-8601 instant; default: an hour before to") @QueryParam("from")
                    String from,
            @Parameter(description = "End (exclusive), ISO-8601 instant; default: now") @QueryParam("to") String to) {
        int n = ReportParameters.limit(limit);
        ReportQuery query =
                ReportParameters.query(config, clock.instant(), tenantId, null, keyId, null, "day", from, to);
        return store.newAddresses(
                        query.tenantId(),
                        query.keyId(),
                        query.window().from(),
                        query.window().to(),
                        n)
                .map(addresses -> new NewAddressesView(
                        query.tenantId(),
                        query.keyId(),
                        query.window().from(),
                        query.window().to(),
                        addresses));
    }
}
