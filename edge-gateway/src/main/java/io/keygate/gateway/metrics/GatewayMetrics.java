package io.keygate.gateway.metrics;

import io.keygate.events.call.CallOutcome;
import io.keygate.gateway.state.GatewayState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's Micrometer meters, registered once so the request path only increments counters it
 * already holds.
 */
@ApplicationScoped
public class GatewayMetrics {

    private final Map<CallOutcome, Counter> requests = new EnumMap<>(CallOutcome.class);
    private final Map<CallOutcome, Timer> durations = new EnumMap<>(CallOutcome.class);
    private final Counter applied;
    private final Counter stale;
    private final Counter unreadable;
    private final Counter droppedCallRecords;
    private final MeterRegistry registry;
    private final Gauge lag;
    private final Gauge ready;

    public GatewayMetrics(MeterRegistry registry, GatewayState state) {
        this.registry = registry;
        for (CallOutcome outcome : CallOutcome.values()) {
            requests.put(outcome, requestCounter(registry, outcome.name()));
            durations.put(
                    outcome,
                    Timer.builder("keygate.gateway.request.duration")
                            .description("Time from request received to response sent, by outcome")
                            .tag("outcome", outcome.name())
                            .publishPercentileHistogram()
                            .register(registry));
        }
        applied = Counter.builder("keygate.gateway.state.events")
                .description("Token and policy events applied to the in-memory state")
                .tag("result", "applied")
                .register(registry);
        stale = Counter.builder("keygate.gateway.state.events")
                .description("Token and policy events applied to the in-memory state")
                .tag("result", "stale")
                .register(registry);
        unreadable = Counter.builder("keygate.gateway.state.events.unreadable")
                .description("Records on the state topics that are not readable Keygate events (skipped)")
                .register(registry);
        droppedCallRecords = Counter.builder("keygate.gateway.calls.dropped")
                .description("Call records that could not be published (buffer full, Kafka unreachable)")
                .register(registry);
        lag = Gauge.builder(
                        "keygate.gateway.state.lag", state, s -> s.progress().lag())
                .description("Records on the state topics not applied yet")
                .register(registry);
        ready = Gauge.builder("keygate.gateway.state.ready", state, s -> s.isReady() ? 1 : 0)
                .description("1 when the state is caught up and followed, else 0 (requests get 503)")
                .register(registry);
    }

    /**
     * Gauges read this application's state: they go with it, or a registry that outlives the application (tests
     * restart Quarkus in one JVM) would keep reading a stopped one's state instead of registering the new one.
     */
    @PreDestroy
    void removeGauges() {
        registry.remove(lag);
        registry.remove(ready);
    }

    private static Counter requestCounter(MeterRegistry registry, String outcome) {
        return Counter.builder("keygate.gateway.requests")
                .description("Requests handled by the proxy, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    public void requestHandled(CallOutcome outcome, long durationMicros) {
        requests.get(outcome).increment();
        durations.get(outcome).record(durationMicros, TimeUnit.MICROSECONDS);
    }

    public void eventApplied() {
        applied.increment();
    }

    public void eventStale() {
        stale.increment();
    }

    public void eventUnreadable() {
        unreadable.increment();
    }

    public void callRecordDropped() {
        droppedCallRecords.increment();
    }
}
