package io.keygate.gateway.check;

import io.keygate.events.policy.SubscriptionState;
import io.keygate.gateway.state.SubscriptionIndex;

/**
 * A valid key may call a route only if its application has an approved subscription to the route's API (403
 * otherwise). Subscriptions are what let a key cross tenants, to another tenant's public API; without one, a
 * key of another tenant than the API's is refused as such, so the call record tells the two cases apart.
 */
public final class SubscriptionCheck implements RequestCheck {

    private final SubscriptionIndex subscriptions;

    public SubscriptionCheck(SubscriptionIndex subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public Rejection check(CallContext call) {
        Caller caller = call.caller();
        SubscriptionState subscription = caller.applicationId() == null
                ? null
                : subscriptions.approved(
                        caller.tenantId(), caller.applicationId(), call.route().apiId());
        if (subscription != null) {
            call.subscription(subscription);
            return null;
        }
        return caller.tenantId().equals(call.route().tenantId()) ? Rejection.NO_SUBSCRIPTION : Rejection.WRONG_TENANT;
    }
}
