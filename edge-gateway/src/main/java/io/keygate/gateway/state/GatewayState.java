package io.keygate.gateway.state;

import io.keygate.gateway.ip.IpRuleIndex;
import io.keygate.gateway.jwt.JwtState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

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
    private volatile StateProgress progress = StateProgress.starting();

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

    /** Publishes the consumer's progress. */
    public void publish(StateProgress next) {
        progress = next;
    }
}
