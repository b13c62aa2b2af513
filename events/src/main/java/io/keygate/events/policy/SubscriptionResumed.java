package io.keygate.events.policy;

/**
 * The API owner resumed a suspended subscription. Type {@code io.keygate.subscription.resumed.v1}.
 *
 * @param subscription the subscription's state: status {@code APPROVED}
 */
public record SubscriptionResumed(SubscriptionState subscription) implements SubscriptionEvent {}
