package io.keygate.gateway.state;

import io.keygate.gateway.ip.IpRuleIndex;
import io.keygate.gateway.jwt.JwtState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The gateway's in-memory state: the indexes the request path reads and the consumer's progress,
 * which decides readiness. Written only by the state consumer thread.
 */
@ApplicationScoped
public class GatewayState {

    private final TokenIndex tokens = new TokenIndex();
    private final RouteTable routes = new RouteTable();
    private final SubscriptionIndex subscriptions = new SubscriptionIndex();
    private final IpRuleIndex ipRules = new IpRuleIndex();
    private final PlanIndex plans = new PlanIndex();
    private final JwtState jwt = new JwtState(Clock.systemUTC());
    private final StateFreshness freshness;
    private volatile StateProgress progress = StateProgress.starting();

    @Inject
    public GatewayState(StateFreshness freshness) {
        this.freshness = freshness;
    }

    /** A state that never goes too stale (no maximum staleness), for code that builds one without CDI. */
    public GatewayState() {
        this(new StateFreshness(Clock.systemUTC(), Optional.empty(), Duration.ofSeconds(1)));
    }

    public TokenIndex tokens() {
        return tokens;
    }

    public RouteTable routes() {
        return routes;
    }

    public SubscriptionIndex subscriptions() {
        return subscriptions;
    }

    public IpRuleIndex ipRules() {
        return ipRules;
    }

    public PlanIndex plans() {
        return plans;
    }

    /** Signing keys, revoked access tokens and OAuth2 clients: what JWT access tokens are verified against. */
    public JwtState jwt() {
        return jwt;
    }

    /** The consumer's latest published progress. */
    public StateProgress progress() {
        return progress;
    }

    /** Whether the state is complete enough to serve requests (fail closed otherwise). */
    public boolean isReady() {
        return progress.isReady();
    }

    /** How fresh the state is proven to be. */
    public StateFreshness freshness() {
        return freshness;
    }

    /**
     * Whether the state could not be proven fresh for longer than the configured maximum staleness: the gateway
     * then refuses to serve (fail closed) until it is fresh again. Allocation-free, for the request path.
     */
    public boolean isTooStale() {
        return freshness.isTooStale();
    }

    /** Publishes the consumer's progress. */
    public void publish(StateProgress next) {
        progress = next;
    }
}
