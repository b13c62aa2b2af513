package io.keygate.events.policy;

import io.keygate.events.KeygateEvent;

/** Events of policy aggregates (APIs, routes, plans, subscriptions, …), published to {@code keygate.policies}. */
public sealed interface PolicyEvent extends KeygateEvent permits ApiEvent, RouteEvent, PlanEvent, SubscriptionEvent {}
