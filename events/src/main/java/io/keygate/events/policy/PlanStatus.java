package io.keygate.events.policy;

/** Lifecycle of a plan: offered to new subscriptions, or retired (existing subscriptions keep it). */
public enum PlanStatus {
    ACTIVE,
    RETIRED
}
