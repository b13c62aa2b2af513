package io.keygate.policy.subscription;

import java.time.Instant;

/**
 * Commands on a subscription. {@code tenantId} is the acting tenant: the subscriber for a request and a
 * cancellation, the API's owner for the decisions.
 */
public sealed interface SubscriptionCommand {

    String subscriptionId();

    String tenantId();

    Instant at();

    /** An application asks to use an API under a plan; {@code target} is null if the API does not exist. */
    record RequestSubscription(
            String subscriptionId, String tenantId, String applicationId, SubscriptionTarget target, Instant at)
            implements SubscriptionCommand {}

    /** The API owner decides on, or changes, a subscription. */
    record Decide(String subscriptionId, String tenantId, String apiId, Decision decision, String note, Instant at)
            implements SubscriptionCommand {}

    /** The subscribing tenant ends its subscription. */
    record CancelSubscription(String subscriptionId, String tenantId, Instant at) implements SubscriptionCommand {}

    /** What the API owner does. */
    enum Decision {
        APPROVE,
        REJECT,
        SUSPEND,
        RESUME
    }
}
