package io.keygate.gateway.state.rest;

import io.keygate.gateway.state.GatewayState;
import io.keygate.gateway.state.StateFreshness;
import io.keygate.gateway.state.StateProgress;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin view of the gateway's in-memory state (admin port only, never on the proxy port). */
@Path("/gateway/state")
@Tag(name = "Gateway state")
public class GatewayStateResource {

    private final GatewayState state;

    public GatewayStateResource(GatewayState state) {
        this.state = state;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Counts of keys and routes, applied offsets, staleness and readiness of this gateway replica")
    public GatewayStateView get() {
        StateProgress progress = state.progress();
        StateFreshness freshness = state.freshness();
        return new GatewayStateView(
                progress.isReady() && !state.isTooStale(),
                progress.phase(),
                state.tokens().size(),
                state.routes().size(),
                progress.positions(),
                progress.endOffsetsAtStart(),
                progress.lag(),
                freshness.freshAsOf().orElse(null),
                freshness.staleness().map(GatewayStateResource::seconds).orElse(null),
                freshness.maxStaleness().map(GatewayStateResource::seconds).orElse(null));
    }

    private static Double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
