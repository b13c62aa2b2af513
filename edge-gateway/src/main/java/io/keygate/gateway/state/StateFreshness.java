package io.keygate.gateway.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * How fresh the gateway's state is, and whether it is too stale to serve from.
 *
 * <p>The state is <em>fresh as of</em> instant {@code T} when every record the broker had committed on the state
 * topics before {@code T} is applied. The consumer proves it by asking the broker for its end offsets (a
 * <em>freshness check</em>, sent at {@code T}) and then reaching them; {@link #staleness()} is the time since the
 * latest {@code T} so proven. It stays below one check interval plus the apply lag while Kafka answers, and grows
 * without bound during an outage, because no check succeeds. The end offsets seen at start are the first check.
 *
 * <p>Written by the state consumer thread only; {@link #isTooStale()} is read on the request path and allocates
 * nothing.
 */
public final class StateFreshness {

    private static final long UNKNOWN = Long.MIN_VALUE;

    private final Clock clock;
    private final long maxStalenessMillis;
    private final long checkIntervalMillis;

    private volatile long freshAsOfMillis = UNKNOWN;
    // Consumer thread only.
    private Map<String, Long> pendingTarget;
    private long pendingRequestedAtMillis;
    private long lastCheckMillis = UNKNOWN;

    /**
     * @param maxStaleness  beyond it the gateway fails closed; empty: never
     * @param checkInterval how often the consumer asks the broker for its end offsets
     */
    public StateFreshness(Clock clock, Optional<Duration> maxStaleness, Duration checkInterval) {
        this.clock = clock;
        this.maxStalenessMillis = maxStaleness.map(Duration::toMillis).orElse(0L);
        this.checkIntervalMillis = checkInterval.toMillis();
        if (maxStaleness.isPresent() && maxStalenessMillis <= checkIntervalMillis) {
            throw new IllegalArgumentException("The maximum staleness (" + maxStaleness.get()
                    + ") must be longer than the freshness check interval (" + checkInterval
                    + "), or every gateway fails closed between two checks");
        }
    }

    /** Whether the consumer should ask the broker for its end offsets now (none pending, interval elapsed). */
    public boolean isCheckDue() {
        return pendingTarget == null
                && (lastCheckMillis == UNKNOWN || clock.millis() - lastCheckMillis >= checkIntervalMillis);
    }

    /** The instant to stamp on a check about to be sent: take it before asking the broker. */
    public long checkStarting() {
        long now = clock.millis();
        lastCheckMillis = now;
        return now;
    }

    /**
     * The broker answered a check sent at {@code requestedAtMillis} with {@code endOffsets} ({@code topic-partition}
     * → end offset): the state is fresh as of then once the positions reach them.
     */
    public void awaitPositions(Map<String, Long> endOffsets, long requestedAtMillis) {
        pendingTarget = Map.copyOf(endOffsets);
        pendingRequestedAtMillis = requestedAtMillis;
    }

    /** The consumer's positions after a poll: proves the pending check, if they reached its end offsets. */
    public void positionsReached(Map<String, Long> positions) {
        if (pendingTarget != null && StateProgress.reachedEnd(pendingTarget, positions)) {
            if (pendingRequestedAtMillis > freshAsOfMillis) {
                freshAsOfMillis = pendingRequestedAtMillis;
            }
            pendingTarget = null;
        }
    }

    /** The instant the state is proven fresh as of; empty before the first proof. */
    public Optional<Instant> freshAsOf() {
        long millis = freshAsOfMillis;
        return millis == UNKNOWN ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    /** Time since the state was last proven fresh; empty before the first proof (readiness is DOWN then anyway). */
    public Optional<Duration> staleness() {
        long millis = freshAsOfMillis;
        return millis == UNKNOWN
                ? Optional.empty()
                : Optional.of(Duration.ofMillis(Math.max(0, clock.millis() - millis)));
    }

    /** Staleness in seconds, NaN before the first proof: the value of the staleness gauge. */
    public double stalenessSeconds() {
        long millis = freshAsOfMillis;
        return millis == UNKNOWN ? Double.NaN : Math.max(0, clock.millis() - millis) / 1000.0;
    }

    /** The configured maximum staleness; empty when the gateway never fails closed for staleness. */
    public Optional<Duration> maxStaleness() {
        return maxStalenessMillis == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(maxStalenessMillis));
    }

    /**
     * Whether the state is older than the maximum staleness, so the gateway must refuse to serve. Never before the
     * first proof: until then the state is not ready, which refuses requests on its own.
     */
    public boolean isTooStale() {
        long millis = freshAsOfMillis;
        return maxStalenessMillis != 0 && millis != UNKNOWN && clock.millis() - millis > maxStalenessMillis;
    }
}
