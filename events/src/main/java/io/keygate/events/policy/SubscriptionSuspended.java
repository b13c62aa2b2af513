package io.keygate.events.policy;

/**
 * The API owner suspended an approved subscription. Type {@code io.keygate.subscription.suspended.v1}.
 *
 * @param subscription the subscription's state:  calls are refused until it is resumed:status {@code SUSPENDED}, with the reason
 */
public record SubscriptionSuspended(SubscriptionState subscription) implements SubscriptionEvent {}
