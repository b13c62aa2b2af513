package io.keygate.gateway.state.health;

import io.keygate.gateway.state.GatewayState;
import io.keygate.gateway.state.StateFreshness;
import io.keygate.gateway.state.StateProgress;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Fail-closed readiness: DOWN until the state consumer has read the token and policy topics up to
 * the end offsets it saw at start, again if it stops following them, and while the state is older than the
 * configured maximum staleness ({@code keygate.gateway.state.max-staleness}). The proxy answers 503 on the same
 * conditions, so a load balancer that ignores readiness still gets no request through.
 */
@Readiness
@ApplicationScoped
public class StateReadinessCheck implements HealthCheck {

    private final GatewayState state;

    public StateReadinessCheck(GatewayState state) {
        this.state = state;
    }

    @Override
    public HealthCheckResponse call() {
        StateProgress progress = state.progress();
        StateFreshness freshness = state.freshness();
        boolean tooStale = state.isTooStale();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("gateway-state")
                .status(progress.isReady() && !tooStale)
                .withData("phase", progress.phase().name())
                .withData("lag", progress.lag())
                .withData("keys", state.tokens().size())
                .withData("routes", state.routes().size())
                .withData(
                        "stalenessSeconds",
                        freshness.staleness().map(StateReadinessCheck::seconds).orElse("unknown"))
                .withData(
                        "freshAsOf", freshness.freshAsOf().map(Object::toString).orElse("never"))
                .withData(
                        "maxStalenessSeconds",
                        freshness
                                .maxStaleness()
                                .map(StateReadinessCheck::seconds)
                                .orElse("none"))
                .withData("tooStale", tooStale);
        progress.endOffsetsAtStart()
                .forEach((partition, end) ->
                        response.withData(partition, progress.positions().getOrDefault(partition, 0L) + "/" + end));
        return response.build();
    }

    private static String seconds(Duration duration) {
        return Double.toString(duration.toMillis() / 1000.0);
    }
}
