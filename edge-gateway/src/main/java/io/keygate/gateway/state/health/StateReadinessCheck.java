package io.keygate.gateway.state.health;

import io.keygate.gateway.state.GatewayState;
import io.keygate.gateway.state.StateProgress;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Fail-closed readiness: DOWN until the state consumer has read the token and policy topics up to
 * the end offsets it saw at start, and again if it stops following them. The proxy answers 503 on the
 * same condition, so a load balancer that ignores readiness still gets no request through.
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
        HealthCheckResponseBuilder response = HealthCheckResponse.named("gateway-state")
                .status(progress.isReady())
                .withData("phase", progress.phase().name())
                .withData("lag", progress.lag())
                .withData("keys", state.tokens().size())
                .withData("routes", state.routes().size());
        progress.endOffsetsAtStart()
                .forEach((partition, end) ->
                        response.withData(partition, progress.positions().getOrDefault(partition, 0L) + "/" + end));
        return response.build();
    }
}
