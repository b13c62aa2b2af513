package io.keygate.events.policy;

/** Where an IP rule applies. */
public enum IpRuleScope {
    /** Every tenant's traffic (platform-wide); the rule has no tenant. */
    GLOBAL,
    /** One tenant's traffic. */
    TENANT
}
