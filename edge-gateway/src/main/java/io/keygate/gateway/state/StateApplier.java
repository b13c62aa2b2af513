package io.keygate.gateway.state;

import io.keygate.events.EventEnvelope;
import io.keygate.events.KeygateEvent;
import io.keygate.events.oauth.AccessTokenRevoked;
import io.keygate.events.oauth.OAuthClientEvent;
import io.keygate.events.policy.IpRuleEvent;
import io.keygate.events.policy.PlanEvent;
import io.keygate.events.policy.RouteEvent;
import io.keygate.events.policy.SubscriptionEvent;
import io.keygate.events.signing.SigningKeyEvent;
import io.keygate.events.token.TokenEvent;
import io.keygate.gateway.ip.IpRuleIndex;
import io.keygate.gateway.jwt.JwtState;

/**
 * Applies token, route, subscription, plan, IP-rule, signing-key and OAuth events to the in-memory indexes,
 * idempotently by aggregate sequence (an access-token revocation by its {@code jti}). Token
 * events carry the key's full state, so issue and revocation are one and the same operation: replace
 * the key's state if the event is newer.
 */
public final class StateApplier {

    private final TokenIndex tokens;
    private final RouteTable routes;
    private final SubscriptionIndex subscriptions;
    private final IpRuleIndex ipRules;
    private final PlanIndex plans;
    private final JwtState jwt;

    public StateApplier(
            TokenIndex tokens,
            RouteTable routes,
            SubscriptionIndex subscriptions,
            IpRuleIndex ipRules,
            PlanIndex plans,
            JwtState jwt) {
        this.tokens = tokens;
        this.routes = routes;
        this.subscriptions = subscriptions;
        this.ipRules = ipRules;
        this.plans = plans;
        this.jwt = jwt;
    }

    /**
     * Applies one event. Route changes become visible at the next {@link #commit()}.
     *
     * @throws IllegalArgumentException when the event's content cannot be served (e.g. an unusable
     *                                  upstream URL); the state is left as it was
     */
    public ApplyResult apply(EventEnvelope<? extends KeygateEvent> envelope) {
        KeygateEvent event = envelope.data();
        boolean changed;
        if (event instanceof TokenEvent tokenEvent) {
            changed = tokens.apply(tokenEvent.key(), envelope.sequence());
        } else if (event instanceof RouteEvent routeEvent) {
            changed = routes.apply(routeEvent.route(), envelope.sequence());
        } else if (event instanceof SubscriptionEvent subscriptionEvent) {
            changed = subscriptions.apply(subscriptionEvent.subscription(), envelope.sequence());
        } else if (event instanceof IpRuleEvent ipRuleEvent) {
            changed = ipRules.apply(ipRuleEvent.rule(), envelope.sequence());
        } else if (event instanceof PlanEvent planEvent) {
            changed = plans.apply(planEvent.plan(), envelope.sequence());
        } else if (event instanceof SigningKeyEvent signingKeyEvent) {
            changed = jwt.signingKeys().apply(signingKeyEvent.key(), envelope.sequence());
        } else if (event instanceof AccessTokenRevoked revoked) {
            changed = jwt.revokedTokens().apply(revoked);
        } else if (event instanceof OAuthClientEvent clientEvent) {
            changed = jwt.clients().apply(clientEvent.client(), envelope.sequence());
        } else {
            return ApplyResult.IGNORED;
        }
        return changed ? ApplyResult.APPLIED : ApplyResult.STALE;
    }

    /**
     * Applies an API key's state read straight from a token event (the state consumer's fast path): the same as
     * {@link #apply} of that event.
     */
    public ApplyResult applyKey(EnforcedKey key, long sequence) {
        return tokens.apply(key, sequence) ? ApplyResult.APPLIED : ApplyResult.STALE;
    }

    /** Makes the route and IP-rule changes applied so far visible to requests, and prunes expired revocations. */
    public void commit() {
        routes.commit();
        ipRules.commit();
        jwt.commit();
    }
}
