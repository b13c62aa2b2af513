package io.keygate.gateway.state;

import io.keygate.gateway.config.GatewayConfig;
import io.keygate.gateway.metrics.GatewayMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Makes the state consumer's freshness and applied positions beans, with the staleness gauge. */
public class StateTrackingProducer {

    private static final String STALENESS = "keygate.gateway.state.staleness";

    @Produces
    @Singleton
    StateFreshness freshness(GatewayConfig config, MeterRegistry registry) {
        GatewayConfig.State state = config.gateway().state();
        StateFreshness freshness =
                new StateFreshness(Clock.systemUTC(), state.maxStaleness(), state.freshnessCheckInterval());
        GatewayMetrics.replaceGauges(registry, STALENESS);
        Gauge.builder(STALENESS, freshness::stalenessSeconds)
                .description("Time since the state was last proven to hold every record the broker had committed"
                        + " (NaN before the first proof); grows during a Kafka outage")
                .baseUnit("seconds")
                .register(registry);
        return freshness;
    }

    @Produces
    @Singleton
    AppliedPositions appliedPositions() {
        return new AppliedPositions();
    }
}
