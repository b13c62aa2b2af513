package io.keygate.events.policy;

import io.keygate.events.KeygateEvent;

/** Events of policy aggregates (APIs, routes, plans, subscriptions, IP rules, token policies), published to {@code keygate.policies}. */
public sealed interface PolicyEvent extends KeygateEvent
        permits ApiEvent, RouteEvent, PlanEvent, SubscriptionEvent, IpRuleEvent, TokenPolicyEvent, AlertPolicyEvent {}
