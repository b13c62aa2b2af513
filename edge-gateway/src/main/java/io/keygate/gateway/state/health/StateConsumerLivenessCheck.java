package io.keygate.gateway.state.health;

import io.keygate.gateway.state.ConsumerPhase;
import io.keygate.gateway.state.GatewayState;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * DOWN once the state consumer failed: the replica no longer applies revocations and only a restart
 * brings it back, so the orchestrator should restart it rather than just take it out of rotation.
 */
@Liveness
@ApplicationScoped
public class StateConsumerLivenessCheck implements HealthCheck {

    private final GatewayState state;

    public StateConsumerLivenessCheck(GatewayState state) {
        this.state = state;
    }

    @Override
    public HealthCheckResponse call() {
        ConsumerPhase phase = state.progress().phase();
        return HealthCheckResponse.named("gateway-state-consumer")
                .status(phase != ConsumerPhase.FAILED)
                .withData("phase", phase.name())
                .build();
    }
}
