package io.keygate.access.rest;

import io.keygate.access.session.AccessState;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the published signing keys have been read: before that, valid sessions would be refused. */
@Readiness
@ApplicationScoped
public class AccessReadiness implements HealthCheck {

    private final AccessState state;

    AccessReadiness(AccessState state) {
        this.state = state;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("access")
                .status(state.isCaughtUp())
                .withData("signingKeys", state.signingKeys().size())
                .build();
    }
}
