package io.keygate.events.policy;

/** Events of the subscription aggregate, published to {@code keygate.policies} keyed by subscription id. */
public sealed interface SubscriptionEvent extends PolicyEvent
        permits SubscriptionRequested,
                SubscriptionApproved,
                SubscriptionRejected,
                SubscriptionSuspended,
                SubscriptionResumed,
                SubscriptionCancelled {

    /** The subscription's full state after the event (event-carried state). */
    SubscriptionState subscription();

    @Override
    default String aggregateId() {
        return subscription().subscriptionId();
    }

    @Override
    default String tenantId() {
        return subscription().tenantId();
    }
}
