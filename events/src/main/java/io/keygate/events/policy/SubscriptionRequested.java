package io.keygate.events.policy;

/**
 * An application asked to use an API under a plan. An API that needs no approval has it approved by the next event at once. Type {@code io.keygate.subscription.requested.v1}.
 *
 * @param subscription the subscription's state: status {@code PENDING}
 */
public record SubscriptionRequested(SubscriptionState subscription) implements SubscriptionEvent {}
