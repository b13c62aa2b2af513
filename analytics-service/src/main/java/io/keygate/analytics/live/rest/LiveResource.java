package io.keygate.analytics.live.rest;

import io.keygate.analytics.live.LiveCounters;
import io.keygate.analytics.live.SecondCounters;
import io.keygate.analytics.report.rest.ReportParameters;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** The live stream of per-second counters for the dashboard (Server-Sent Events). */
@Path("/live/counters")
@Tag(name = "Live")
public class LiveResource {

    /**
     * One event of the stream: every second of the horizon up to {@code at}, oldest first, so a client that missed
     * events (or a second whose late calls arrived after it was first sent) is whole again with the next one.
     *
     * @param tenantId the tenant
     * @param at       when the event was sent
     * @param seconds  the seconds, with zeros for seconds without calls
     */
    public record LiveView(String tenantId, Instant at, List<SecondCounters> seconds) {}

    private final LiveCounters counters;
    private final Clock clock = Clock.systemUTC();

    LiveResource(LiveCounters counters) {
        this.counters = counters;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Per-second calls, errors and bytes of a tenant, live",
            description = "An event each second with the last keygate.live.horizon of seconds (by gateway receive"
                    + " time) as counted by this instance so far.")
    public Multi<LiveView> stream(
            @Parameter(description = "The tenant", required = true) @QueryParam("tenantId") String tenantId) {
        String tenant = ReportParameters.required("tenantId", tenantId);
        return Multi.createFrom()
                .ticks()
                .startingAfter(Duration.ofMillis(1))
                .every(Duration.ofSeconds(1))
                .map(tick -> {
                    Instant now = clock.instant();
                    return new LiveView(tenant, now, counters.lastSeconds(tenant, now));
                });
    }
}
