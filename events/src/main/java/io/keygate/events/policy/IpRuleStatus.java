package io.keygate.events.policy;

/** Lifecycle of an IP rule. */
public enum IpRuleStatus {
    /** Enforced. */
    ACTIVE,
    /** Deleted by an operator; no longer enforced. */
    DELETED,
    /** Its {@code expiresAt} passed; no longer enforced. */
    EXPIRED
}
