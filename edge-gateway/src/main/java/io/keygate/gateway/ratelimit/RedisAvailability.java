package io.keygate.gateway.ratelimit;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Whether the gateway's Redis answers, shared by every event loop. While it does not, limits are counted locally
 * (readiness details and metrics say so) and Redis is tried again once per probe interval, not on every call,
 * so an outage costs calls no timeouts.
 */
public final class RedisAvailability {

    private static final Logger LOG = Logger.getLogger(RedisAvailability.class);

    private final long probeIntervalMicros;
    private final AtomicLong nextProbeMicros = new AtomicLong();
    private volatile Instant unreachableSince;
    private volatile String lastFailure;

    public RedisAvailability(long probeIntervalMicros) {
        this.probeIntervalMicros = probeIntervalMicros;
    }

    /** Whether a call at {@code nowMicros} should ask Redis: always while it answers, else one probe per interval. */
    public boolean shouldTry(long nowMicros) {
        if (unreachableSince == null) {
            return true;
        }
        long next = nextProbeMicros.get();
        return nowMicros >= next && nextProbeMicros.compareAndSet(next, nowMicros + probeIntervalMicros);
    }

    /** Redis answered. */
    public void answered() {
        if (unreachableSince != null) {
            LOG.infof("Redis answers again: rate limits are counted across gateways again");
            unreachableSince = null;
            lastFailure = null;
        }
    }

    /** Redis failed or timed out at {@code nowMicros}. */
    public void failed(Throwable cause, long nowMicros) {
        lastFailure = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (unreachableSince == null) {
            unreachableSince = Instant.now();
            nextProbeMicros.set(nowMicros + probeIntervalMicros);
            LOG.warnf(
                    "Redis did not answer (%s): counting rate limits in this gateway only until it does", lastFailure);
        }
    }

    /** Since when Redis has not answered, or null while it does. */
    public Instant unreachableSince() {
        return unreachableSince;
    }

    /** The latest failure while unreachable, or null. */
    public String lastFailure() {
        return lastFailure;
    }
}
