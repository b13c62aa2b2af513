package io.keygate.gateway.state;

import io.keygate.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Disposes;
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
        Gauge.builder(STALENESS, freshness, StateFreshness::stalenessSeconds)
                .description("Time since the state was last proven to hold every record the broker had committed"
                        + " (NaN before the first proof); grows during a Kafka outage")
                .baseUnit("seconds")
                .register(registry);
        return freshness;
    }

    /** The gauge goes with the application (a registry may outlive it: tests restart Quarkus in one JVM). */
    void removeGauge(@Disposes StateFreshness freshness, MeterRegistry registry) {
        registry.find(STALENESS).gauges().forEach(registry::remove);
    }

    @Produces
    @Singleton
    AppliedPositions appliedPositions() {
        return new AppliedPositions();
    }
}
