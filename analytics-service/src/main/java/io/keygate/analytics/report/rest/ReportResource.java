package io.keygate.analytics.report.rest;

import io.keygate.analytics.config.AnalyticsConfig;
import io.keygate.analytics.report.ConsumerDimension;
import io.keygate.analytics.report.ReportQuery;
import io.keygate.analytics.report.store.ReportStore;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Usage reports of a tenant, an application, a key or a route from the call rollups: time series and top consumers.
 */
@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Usage reports")
public class ReportResource {

    private final ReportStore store;
    private final AnalyticsConfig config;
    private final Clock clock = Clock.systemUTC();

    ReportResource(ReportStore store, AnalyticsConfig config) {
        this.store = store;
        this.config = config;
    }

    @GET
    @Path("/series")
    @Operation(
            summary = "Calls, errors, bytes and latency percentiles per bucket",
            description =
                    "For a tenant, narrowed to an application, a key and/or a route when given. Buckets overlapping [from, to);"
                            + " only buckets with calls are listed. Counts and bytes are exact; p50/p90/p99 are within 1 %;"
                            + " max and mean are exact. Durations in microseconds.")
    public Uni<SeriesView> series(
            @Parameter(description = "The tenant", required = true) @QueryParam("tenantId") String tenantId,
            @Parameter(description = "Only this application") @QueryParam("applicationId") String applicationId,
            @Parameter(description = "Only this key") @QueryParam("keyId") String keyId,
            @Parameter(description = "Only this route") @QueryParam("routeId") String routeId,
            @Parameter(description = "minute (default), hour or day") @QueryParam("granularity") String granularity,
            @Parameter(description = "Start, ISO-8601 instant; default: an hour before to") @QueryParam("from")
                    String from,
            @Parameter(description = "End (exclusive), ISO-8601 instant; default: now") @QueryParam("to") String to) {
        ReportQuery query = ReportParameters.query(
                config, clock.instant(), tenantId, applicationId, keyId, routeId, granularity, from, to);
        return store.series(query)
                .map(series -> new SeriesView(
                        query.tenantId(),
                        query.applicationId(),
                        query.keyId(),
                        query.routeId(),
                        query.granularity().columnValue(),
                        query.window().from(),
                        query.window().to(),
                        series.total(query.window().from()),
                        series.points()));
    }

    @GET
    @Path("/top")
    @Operation(
            summary = "The keys, routes or applications of a tenant with the most calls",
            description = "Ranked by calls in the buckets overlapping [from, to), ties by id; exact counts. The calls"
                    + " without a key (route, application) are ranked as id null.")
    public Uni<TopView> top(
            @Parameter(description = "The tenant", required = true) @QueryParam("tenantId") String tenantId,
            @Parameter(description = "key (default), route or application") @QueryParam("by") String by,
            @Parameter(description = "How many, 1 to 100; default 10") @QueryParam("limit") String limit,
            @Parameter(description = "Only calls of this application") @QueryParam("applicationId")
                    String applicationId,
            @Parameter(description = "Only calls of this route") @QueryParam("routeId") String routeId,
            @Parameter(description = "Bucket size read: minute (default), hour or day") @QueryParam("granularity")
                    String granularity,
            @Parameter(description = "Start, ISO-8601 instant; default: an hour before to") @QueryParam("from")
                    String from,
            @Parameter(description = "End (exclusive), ISO-8601 instant; default: now") @QueryParam("to") String to) {
        ConsumerDimension dimension = ReportParameters.dimension(by);
        int n = ReportParameters.limit(limit);
        ReportQuery query = ReportParameters.query(
                config, clock.instant(), tenantId, applicationId, null, routeId, granularity, from, to);
        return store.top(query, dimension, n)
                .map(top -> new TopView(
                        query.tenantId(),
                        dimension.name().toLowerCase(Locale.ROOT),
                        query.window().from(),
                        query.window().to(),
                        top));
    }
}
