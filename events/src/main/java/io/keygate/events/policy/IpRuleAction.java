package io.keygate.events.policy;

/** What an IP rule does to a client address inside its network. */
public enum IpRuleAction {
    /** Addresses in the network may call (once a scope has allow rules, only they may). */
    ALLOW,
    /** Addresses in the network are refused. */
    DENY
}
