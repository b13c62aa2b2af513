package io.keygate.events.policy;

/**
 * The subscribing tenant cancelled its subscription. Final; the pair may be subscribed again. Type {@code io.keygate.subscription.cancelled.v1}.
 *
 * @param subscription the subscription's state: status {@code CANCELLED}
 */
public record SubscriptionCancelled(SubscriptionState subscription) implements SubscriptionEvent {}
