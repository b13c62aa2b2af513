package io.keygate.events.policy;

/**
 * The API owner approved a pending subscription (or approval was automatic). Type {@code io.keygate.subscription.approved.v1}.
 *
 * @param subscription the subscription's state:  the application's credentials may call the API:status {@code APPROVED}, with the approver's note
 */
public record SubscriptionApproved(SubscriptionState subscription) implements SubscriptionEvent {}
