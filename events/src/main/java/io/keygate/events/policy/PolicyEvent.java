package io.keygate.events.policy;

import io.keygate.events.KeygateEvent;

/** Events of policy aggregates (routes, IP rules, token policies, …), published to {@code keygate.policies}. */
public sealed interface PolicyEvent extends KeygateEvent permits RouteDefined, IpRuleEvent, TokenPolicyEvent {}
