package io.keygate.events.policy;

/**
 * The API owner rejected a pending subscription. Final. Type {@code io.keygate.subscription.rejected.v1}.
 *
 * @param subscription the subscription's state: status {@code REJECTED}, with the reason
 */
public record SubscriptionRejected(SubscriptionState subscription) implements SubscriptionEvent {}
