package io.keygate.gateway.metrics;

import io.keygate.events.call.CallOutcome;
import io.keygate.gateway.ratelimit.RateLimiting;
import io.keygate.gateway.state.GatewayState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

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
    private final Counter decidedLocally;
    private final MeterRegistry registry;

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
                .description("Call records that could not be published (queue full, Kafka refused them after retries)")
                .register(registry);
        decidedLocally = Counter.builder("keygate.gateway.ratelimit.decided.locally")
                .description("Calls whose limits were counted in this gateway only because Redis did not answer")
                .register(registry);
        // A registry can outlive the application (tests restart Quarkus in one JVM): a gauge left there would keep
        // reading a stopped application's state while this one's registration is ignored, so this one replaces it.
        replaceGauges(registry, "keygate.gateway.state.lag", "keygate.gateway.state.ready");
        // Suppliers, not (object, function) pairs: Micrometer holds such an object weakly, and a collected one
        // drops the gauge from the scrape.
        Gauge.builder("keygate.gateway.state.lag", () -> state.progress().lag())
                .description("Records on the state topics not applied yet")
                .register(registry);
        Gauge.builder("keygate.gateway.state.ready", () -> state.isReady() && !state.isTooStale() ? 1 : 0)
                .description("1 when the state is caught up, followed and not too stale, else 0 (requests get 503)")
                .register(registry);
    }

    /** Removes the gauges of these names, so the ones about to be registered are this application's. */
    public static void replaceGauges(MeterRegistry registry, String... names) {
        for (String name : names) {
            registry.find(name).gauges().forEach(registry::remove);
        }
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

    /** Registers the rate limiter's gauges. */
    public void rateLimiting(RateLimiting rateLimiting) {
        replaceGauges(registry, "keygate.gateway.ratelimit.redis.reachable", "keygate.gateway.ratelimit.local.buckets");
        Gauge.builder(
                        "keygate.gateway.ratelimit.redis.reachable",
                        () -> !rateLimiting.countsInRedis()
                                ? Double.NaN
                                : rateLimiting.redis().unreachableSince() == null ? 1 : 0)
                .description("1 while Redis answers (cluster and hybrid limits), 0 while they are counted locally")
                .register(registry);
        Gauge.builder(
                        "keygate.gateway.ratelimit.local.buckets",
                        () -> rateLimiting.local().size())
                .description("Rate-limit buckets and quota counters held in this gateway")
                .register(registry);
    }

    /** A call's limits were counted locally because Redis did not answer. */
    public void rateLimitDecidedLocally() {
        decidedLocally.increment();
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

    /** Registers the gauge of call records waiting for the publisher thread. */
    public void callRecordQueue(IntSupplier queued) {
        replaceGauges(registry, "keygate.gateway.calls.queued");
        Gauge.builder("keygate.gateway.calls.queued", queued::getAsInt)
                .description(
                        "Call records waiting to be handed to the Kafka producer (keygate.gateway.calls.queue-capacity)")
                .register(registry);
    }

    public void callRecordDropped() {
        droppedCallRecords.increment();
    }

    /**
     * Counts an ejection of a route's target by passive health. Rare, so the meter is looked up then rather than
     * held: routes and targets come and go with events.
     *
     * @param target the target's {@code host:port}
     */
    public void targetEjected(String routeId, String target) {
        registry.counter("keygate.gateway.upstream.ejections", "route", routeId, "target", target)
                .increment();
    }

    /** Counts a target's return to the rotation after a successful trial request. */
    public void targetReturned(String routeId, String target) {
        registry.counter("keygate.gateway.upstream.returns", "route", routeId, "target", target)
                .increment();
    }

    /** Counts a retry of a request on another target of its route. */
    public void upstreamRetried(String routeId) {
        registry.counter("keygate.gateway.upstream.retries", "route", routeId).increment();
    }
}
